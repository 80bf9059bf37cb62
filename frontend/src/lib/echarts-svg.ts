// The SVG renderer, registered when the big screen first needs it (lib/echarts.ts loadSvgRenderer).
import { use } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'

use([SVGRenderer])
