package seed

import (
	"time"

	"github.com/wenming/wenming/db"
)

// dayNumber and fromDayNumber convert dates to days since the epoch, so that random dates stay in a range.
func dayNumber(s string) int {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic("seed: bad date " + s)
	}
	return int(t.Unix() / 86400)
}

func fromDayNumber(n int) db.Date {
	return db.Date(time.Unix(int64(n)*86400, 0).UTC().Format(time.DateOnly))
}
