// The charts' colours, in a module of their own so that building a chart's option (lib/charts.ts) does not load
// ECharts itself: a page can ask for its data while the charts' code is still on its way.

/** Colour-blind-safe palette (Okabe–Ito based); a texture is added only where it carries meaning. */
export const palette = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#8C7A00', '#7F7F7F', '#332288', '#AA4499']
