// The trace types our figures use: scatter (in core) and bar. Nothing that needs WebGL/eval.
var Plotly = require('plotly.js/lib/core');
Plotly.register([require('plotly.js/lib/bar')]);
module.exports = Plotly;
