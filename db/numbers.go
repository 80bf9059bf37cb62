package db

import (
	"math"
	"strconv"
)

// ProseNumber writes a value the way the office's reports write numbers in running text, so that the summary, the
// 报告 page and the Word report never print a bare five-digit number: below 1万 as digits (at most one decimal), then
// 万 or 亿 with at most one decimal (2.9万, 106.6万, 18.5亿). English keeps its own style: grouped digits below a
// million, then "1.07 million" and "1.85 billion". The dashboard's proseNumber (frontend/src/lib/format.ts) follows
// the same rules, and both are tested against db/testdata/prose_numbers.json.
func ProseNumber(v float64, lang SummaryLanguage) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "—"
	}
	sign := ""
	if v < 0 {
		sign, v = "-", -v
	}
	if lang == SummaryEn {
		switch {
		case roundTo(v/1e9, 2) >= 1:
			return sign + trimmed(v/1e9, 2) + " billion"
		case roundTo(v/1e6, 2) >= 1:
			return sign + trimmed(v/1e6, 2) + " million"
		}
		return sign + groupThousands(trimmed(v, 1))
	}
	switch {
	case roundTo(v/1e8, 1) >= 1 || roundTo(v/1e4, 1) >= 10000:
		return sign + trimmed(v/1e8, 1) + "亿"
	case v >= 1e4:
		return sign + trimmed(v/1e4, 1) + "万"
	}
	return sign + trimmed(v, 1)
}

// ProseRecordValue writes a records value in prose: the article's own form when it equals the published figure
// (18.45亿 stays 18.45亿), else ProseNumber.
func ProseRecordValue(v float64, f *PublishedFigure, lang SummaryLanguage) string {
	if f != nil && f.Value == v && lang != SummaryEn {
		return ArticleNumber(v, QualifierExact, lang)
	}
	return ProseNumber(v, lang)
}

// roundTo rounds half away from zero to the given decimals.
func roundTo(v float64, decimals int) float64 {
	p := math.Pow10(decimals)
	return math.Round(v*p) / p
}

// trimmed formats v with at most the given decimals and no trailing zeros.
func trimmed(v float64, decimals int) string {
	return strconv.FormatFloat(roundTo(v, decimals), 'f', -1, 64)
}
