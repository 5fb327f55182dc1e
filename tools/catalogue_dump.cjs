"use strict";
// Dump the identification data of zigbee-herdsman-converters as JSON on standard output.
//
//     node tools/catalogue_dump.cjs zhc NODE_MODULES_DIR
//
// Used by tools/catalogue_import.py, which installs the pinned package into a temporary
// folder first. Reads only; writes nothing but standard output.
const path = require("node:path");

function exposeNames(list, out) {
    for (const expose of list || []) {
        if (!expose || typeof expose !== "object") continue;
        if (expose.type) out.add(`type:${expose.type}`);
        if (expose.name) out.add(`name:${expose.name}`);
        if (Array.isArray(expose.features)) exposeNames(expose.features, out);
    }
}

function plainFingerprint(fingerprint) {
    return {
        manufacturerName: typeof fingerprint.manufacturerName === "string" ? fingerprint.manufacturerName : null,
        modelID: typeof fingerprint.modelID === "string" ? fingerprint.modelID : null,
        // Other conditions (endpoints, versions...) make a fingerprint narrower than its strings.
        extra: Object.keys(fingerprint)
            .filter((key) => !["manufacturerName", "modelID", "priority"].includes(key))
            .sort(),
    };
}

function dumpZhc(modulesDir) {
    const root = path.join(modulesDir, "zigbee-herdsman-converters");
    const zhc = require(root);
    const all = require(path.join(root, "dist", "devices", "index.js")).default;
    zhc.setLogger({ debug() {}, info() {}, warning() {}, error() {} });
    const result = [];
    for (const definition of all) {
        const exposes = new Set();
        try {
            const prepared = zhc.prepareDefinition(definition);
            const list = typeof prepared.exposes === "function"
                ? prepared.exposes({ isDummyDevice: true }, {})
                : prepared.exposes;
            exposeNames(list, exposes);
        } catch {
            // The exposes only help to choose a category; a definition without them stays.
        }
        result.push({
            vendor: definition.vendor,
            model: definition.model,
            description: definition.description,
            zigbeeModel: definition.zigbeeModel || [],
            fingerprint: (definition.fingerprint || []).map(plainFingerprint),
            whiteLabel: (definition.whiteLabel || []).map((label) => ({
                vendor: label.vendor ?? null,
                model: label.model,
                description: label.description ?? null,
                whiteLabelOf: label.whiteLabelOf ?? null,
                fingerprint: "fingerprint" in label ? label.fingerprint.map(plainFingerprint) : null,
            })),
            exposes: [...exposes].sort(),
        });
    }
    return result;
}

const [kind, modulesDir] = process.argv.slice(2);
if (kind !== "zhc" || !modulesDir) {
    process.stderr.write("usage: node tools/catalogue_dump.cjs zhc NODE_MODULES_DIR\n");
    process.exit(2);
}
process.stdout.write(JSON.stringify(dumpZhc(path.resolve(modulesDir))));
