// Imported first by benches whose app modules must see these settings: lib/env reads the
// environment once, and a static import graph evaluates before the importing module's body.
// No outside network (reference prices off), no demo seed, no scheduler of the app's own.
process.env.REFERENCE_PRICES = "off";
process.env.DEMO_SEED = "off";
process.env.SCHEDULER = "off";
