"""What a device's integration says about it.

An integration that only ever talks to one maker's devices names the manufacturer, which
resolves manufacturer strings several records share ("Samsung", "Philips") and fills in a
missing one. Open-firmware integrations say the owner is the one who updates the device.
"""

# Integration domain -> the manufacturer record of every device it creates.
INTEGRATION_MAKERS: dict[str, str] = {
    "airthings": "airthings", "apple_tv": "apple", "august": "yale_august", "awair": "awair",
    "blink": "blink", "bluesound": "bluesound", "braviatv": "sony", "broadlink": "broadlink",
    "brother": "brother", "daikin": "daikin", "denonavr": "denon_marantz",
    "devolo_home_network": "devolo", "ecobee": "ecobee", "ecovacs": "ecovacs",
    "ecowitt": "ecowitt", "elgato": "elgato", "enphase_envoy": "enphase", "fritz": "avm",
    "fritzbox": "avm", "fronius": "fronius", "heos": "denon_marantz", "home_connect": "bsh",
    "homematicip_cloud": "eq3", "homewizard": "homewizard", "hue": "signify",
    "husqvarna_automower": "husqvarna", "lifx": "lifx", "lutron_caseta": "lutron",
    "miele": "miele", "nanoleaf": "nanoleaf", "nest": "google", "netatmo": "netatmo",
    "netgear": "netgear", "nuki": "nuki", "onkyo": "onkyo", "philips_js": "philips_tv",
    "powerwall": "tesla", "qnap": "qnap", "reolink": "reolink", "ring": "ring",
    "roborock": "roborock", "roku": "roku", "samsungtv": "samsung_tv", "shelly": "shelly",
    "solaredge": "solaredge", "sonos": "sonos", "switchbot": "switchbot",
    "synology_dsm": "synology", "tado": "tado", "tailwind": "tailwind", "tesla_fleet": "tesla",
    "tesla_wall_connector": "tesla", "teslemetry": "tesla", "tplink": "tp_link",
    "tplink_omada": "tp_link", "tradfri": "ikea", "unifi": "ubiquiti",
    "unifiprotect": "ubiquiti", "vizio": "vizio", "webostv": "lg", "wemo": "belkin",
    "wiz": "wiz", "xiaomi_aqara": "aqara", "xiaomi_miio": "xiaomi", "yale": "yale_august",
    "yamaha_musiccast": "yamaha", "yeelight": "yeelight",
}  # fmt: skip

# Integrations whose devices run open firmware the owner builds and updates.
COMMUNITY_FIRMWARE: dict[str, str] = {"esphome": "esphome", "tasmota": "tasmota", "wled": "wled"}

# Integrations that show a Zigbee device's own manufacturer and model strings.
ZIGBEE = frozenset({"zha", "deconz"})
