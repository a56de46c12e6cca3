// plotly.js for our figures: the scatter and bar traces and the components they use. Nothing
// that needs WebGL/eval.
//
// This is plotly.js/src/core.js (what lib/core loads) of the pinned version, less seven
// components no figure uses: annotations3d, images, updatemenus, sliders, rangeslider,
// rangeselector, errorbars (about 17 kB of the brotli-compressed bundle). Plotly reaches
// those only through Registry.getComponentMethod, which answers a no-op for a component that
// is not registered. When plotly.js is upgraded, compare this file with the new src/core.js.
'use strict';

var Registry = require('plotly.js/src/registry');
var plotApi = require('plotly.js/src/plot_api');
var register = Registry.register;

exports.version = require('plotly.js/src/version').version;
require('native-promise-only');
require('plotly.js/build/plotcss');
exports.register = register;

Object.keys(plotApi).forEach(function (name) {
    if (name.charAt(0) !== '_') exports[name] = plotApi[name];
    register({moduleType: 'apiMethod', name: name, fn: plotApi[name]});
});

register(require('plotly.js/src/traces/scatter'));
register([
    require('plotly.js/src/components/annotations'),
    require('plotly.js/src/components/selections'),
    require('plotly.js/src/components/shapes'),
    require('plotly.js/src/components/grid'),
    require('plotly.js/src/components/colorscale'),
    require('plotly.js/src/components/colorbar'),
    require('plotly.js/src/components/legend'), // after shapes: legend defaults depend on them
    require('plotly.js/src/components/fx'), // after legend: unified hover defaults depend on it
    require('plotly.js/src/components/modebar')
]);
register([require('plotly.js/src/locale-en'), require('plotly.js/src/locale-en-us')]);
if (window.PlotlyLocales && Array.isArray(window.PlotlyLocales)) {
    register(window.PlotlyLocales);
    delete window.PlotlyLocales;
}
register(require('plotly.js/src/traces/bar'));

exports.Icons = require('plotly.js/src/fonts/ploticon');
var Fx = require('plotly.js/src/components/fx');
var Plots = require('plotly.js/src/plots/plots');
exports.Plots = {resize: Plots.resize, graphJson: Plots.graphJson, sendDataToCloud: Plots.sendDataToCloud};
exports.Fx = {hover: Fx.hover, unhover: Fx.unhover, loneHover: Fx.loneHover, loneUnhover: Fx.loneUnhover};
exports.Snapshot = require('plotly.js/src/snapshot');
exports.PlotSchema = require('plotly.js/src/plot_api/plot_schema');
