/**
 * The layer rules `npm run lint` enforces (docs/architecture.md, "Layers"). Each layer may
 * import only itself and the layers listed before it; no file or folder may take part in
 * an import cycle. lint/layer-rules.test.ts proves each rule still bites.
 */
const fs = require("node:fs");

/** Bottom to top. A module belongs to the first layer whose pattern matches its path. */
const LAYERS = [
  { name: "leaf utilities", path: "^lib/(money|xml|security|env|time)/" },
  { name: "connectors", path: "^lib/connectors/" },
  { name: "db", path: "^db/" },
  { name: "engines", path: "^lib/engines/" },
  { name: "domain services", path: "^lib/(sync|snapshots|prices|alerts|attribution|audit|connections|auth|cash-flows|portfolios|rebalance|history|retention|backup)/" },
  { name: "background work", path: "^lib/(schedules|runtime)/|^inngest/" },
  { name: "read models and actions", path: "^lib/(read-models|actions|access|api-v1|exports)/" },
  { name: "chat bot", path: "^lib/telegram/" },
  { name: "routes and pages", path: "^(app|components)/" },
];

const layerRules = LAYERS.slice(0, -1).map((layer, i) => ({
  name: `layer-${i}-imports-upward`,
  comment: `${layer.name} may not import a higher layer (${LAYERS.slice(i + 1).map((l) => l.name).join(", ")})`,
  severity: "error",
  from: { path: layer.path },
  to: { path: LAYERS.slice(i + 1).map((l) => l.path).join("|") },
}));

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "No file imports itself through others.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "no-folder-cycle",
      comment: "No folder imports itself through other folders.",
      severity: "error",
      scope: "folder",
      from: {},
      to: { circular: true },
    },
    ...layerRules,
    {
      name: "ui-no-connector-or-sync-internals",
      comment: "Pages and components reach venues and syncs only through read models and actions.",
      severity: "error",
      from: { path: "^(app|components)/" },
      to: { path: "^lib/(connectors|sync)/" },
    },
    {
      name: "components-no-app",
      comment: "Pages compose components; a component never reaches back into app/ (server actions live in lib/actions).",
      severity: "error",
      from: { path: "^components/" },
      to: { path: "^app/" },
    },
    {
      name: "engines-are-pure",
      comment: "Engines compute from what they are given: no database, network, file or clock module (lib/time is calendar arithmetic, not a clock).",
      severity: "error",
      from: { path: "^lib/engines/" },
      to: {
        pathNot: "^lib/(engines|money|time)/|^lib/connectors/types\\.ts$|^node_modules/(decimal\\.js|fast-check)/",
      },
    },
    {
      name: "engines-no-node-core",
      comment: "Engines use no Node built-in (fs, net, crypto, timers…): they stay pure and portable.",
      severity: "error",
      from: { path: "^lib/engines/" },
      to: { dependencyTypes: ["core"] },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    // Tests and test-only fakes may reach across layers to set a scene; production code may not.
    exclude: { path: "\\.test\\.tsx?$|/testing/|/test-support\\.ts$|^node_modules/" },
    tsPreCompilationDeps: true,
    ...(fs.existsSync("tsconfig.json") ? { tsConfig: { fileName: "tsconfig.json" } } : {}),
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
    },
  },
};
