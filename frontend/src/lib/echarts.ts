// Tree-shaken ECharts, registered per chart type: this module registers what the overview draws (bars and lines
// with milestone marks on a canvas); a page that draws pies or a treemap registers that chart type itself
// (use([PieChart])), and the big screen's SVG renderer loads on demand. So the first page fetches only what it
// draws. The option types name every chart type, as types cost no bytes.
import { use, init, type ECharts, type ComposeOption } from 'echarts/core'
import { BarChart, LineChart } from 'echarts/charts'
import type { BarSeriesOption, LineSeriesOption, PieSeriesOption, TreemapSeriesOption } from 'echarts/charts'
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components'
import type {
  AriaComponentOption,
  GridComponentOption,
  LegendComponentOption,
  MarkAreaComponentOption,
  MarkLineComponentOption,
  TitleComponentOption,
  TooltipComponentOption,
} from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

use([
  BarChart,
  LineChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
  CanvasRenderer,
])

let svg: Promise<unknown> | undefined
/** Register the SVG renderer (the big screen draws crisp vectors at any scale); loaded the first time it is needed. */
export function loadSvgRenderer(): Promise<unknown> {
  svg ??= import('./echarts-svg')
  return svg
}

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | TreemapSeriesOption
  | AriaComponentOption
  | GridComponentOption
  | LegendComponentOption
  | MarkAreaComponentOption
  | MarkLineComponentOption
  | TitleComponentOption
  | TooltipComponentOption
>

export { init }
export type { ECharts }

export { palette } from './palette'
