// ChartSpec → an embedded chart. The builder is local; only insertChart touches the document.
import type { ChartSpec, Rect } from '../core/output/spec';
import type { ChartBuilderLike, ChartLike, RangeLike } from './surface';

export function buildChart(start: ChartBuilderLike, spec: ChartSpec, rangeOf: (r: Rect) => RangeLike): ChartLike {
  const typed =
    spec.type === 'bar'
      ? start.asBarChart()
      : spec.type === 'line'
        ? start.asLineChart()
        : spec.type === 'pie'
          ? start.asPieChart()
          : start.asColumnChart();
  let b = typed
    .addRange(rangeOf(spec.data))
    .setNumHeaders(1)
    .setPosition(spec.anchor.row + 1, spec.anchor.col + 1, 0, 0)
    .setOption('title', spec.title);
  if (spec.stacked && spec.type !== 'pie') b = b.setOption('isStacked', true);
  if (spec.width) b = b.setOption('width', spec.width);
  if (spec.height) b = b.setOption('height', spec.height);
  return b.build();
}
