// What the widget and the command line assume where the user says nothing and no source gives
// the figure, in one place so that they agree (the page's form says the same in its value
// attributes, web/index.html). Decimal texts, as the API takes them.
export const assumed = Object.freeze({
  genesis: '2024-11-07', // the day emission started: from the public record (docs/model.md)
  poolGrowthPercent: '2', // everyone else's units grow 2% a month, compounding
});
