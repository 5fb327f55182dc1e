// Lit warns once that it runs in development mode, which is what the tests want.
(globalThis as { litIssuedWarnings?: Set<string> }).litIssuedWarnings = new Set(["dev-mode"]);
