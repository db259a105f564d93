// What the widget and the command line assume where the user says nothing and no source gives
// the figure, in one place so that they agree (the page's form says the same in its value
// attributes, web/index.html). Decimal texts, as the API takes them.
export const assumed = Object.freeze({
  genesis: '2025-01-01', // the day emission started: not public (docs/model.md)
  poolGrowthPercent: '2', // everyone else's units grow 2% a month, compounding
});
