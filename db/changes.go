package db

import (
	"context"
	"strconv"
	"strings"
	"time"
)

// ChangeSource tells the live-updates broker when the data version may have moved, however the backend learns it:
// SQLite polls the version, PostgreSQL can listen for a notification and poll as the fallback.
type ChangeSource interface {
	// DataVersion reads the version every write bumps.
	DataVersion(ctx context.Context) (int64, error)
	// WatchChanges sends the data version whenever it may have changed (at least once per interval), until ctx ends
	// and the channel closes.
	WatchChanges(ctx context.Context, interval time.Duration) <-chan int64
}

// PollChanges is the polling WatchChanges of a backend without notifications: it reads the version once per
// interval and sends it when it moved, so that writes by any process (the server, `wenming import`, an admin's
// SQL) are seen.
func PollChanges(ctx context.Context, interval time.Duration, version func(context.Context) (int64, error)) <-chan int64 {
	if interval <= 0 {
		interval = time.Second
	}
	out := make(chan int64, 1)
	go func() {
		defer close(out)
		t := time.NewTicker(interval)
		defer t.Stop()
		last := int64(-1)
		for {
			if v, err := version(ctx); err == nil && v != last {
				last = v
				select {
				case out <- v:
				case <-ctx.Done():
					return
				}
			}
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
		}
	}()
	return out
}

// Domain is a part of the data with its own version, so that a write expires only the cached answers that read
// what it changed: a volunteer record leaves honour counts cached, and a ranking, which reads both, expires.
type Domain uint8

// The domains. Data that only whole-dataset writes change (seed, load, import, demo purge), such as the source
// documents, the published figures, volunteer projects, works and the practice centres, belongs to
// DomainCatalogue: those writes bump every domain.
const (
	// DomainUnits is the units and the people (先进人物) of the units.
	DomainUnits Domain = iota
	// DomainHonors is the honours and the honour categories' points.
	DomainHonors
	// DomainVolunteer is the volunteer service records and the campaigns.
	DomainVolunteer
	// DomainPractice is the links to practice centres and the practice activities.
	DomainPractice
	// DomainAssessments is the 文明单位 assessments and their scores.
	DomainAssessments
	// DomainPlans is the yearly targets and the ranking weights.
	DomainPlans
	// DomainArticle is the article's other records that editors keep: wishes, excellent cases, the talent pool and
	// the civilisation events.
	DomainArticle
	// DomainCatalogue is what only whole-dataset writes change.
	DomainCatalogue
	// NumDomains counts the domains.
	NumDomains
)

var domainNames = [NumDomains]string{"units", "honors", "volunteer", "practice", "assessments", "plans", "article", "catalogue"}

// String names the domain as its meta key does ("data_version.<name>").
func (d Domain) String() string {
	if d < NumDomains {
		return domainNames[d]
	}
	return "domain" + itoa64(int64(d))
}

// VersionKey is the key of the domain's counter in the meta table.
func (d Domain) VersionKey() string { return "data_version." + d.String() }

// DomainByName finds a domain by its name, for reading the meta table.
func DomainByName(name string) (Domain, bool) {
	for i, n := range domainNames {
		if n == name {
			return Domain(i), true
		}
	}
	return 0, false
}

// DomainSet is a set of domains, as a bit mask.
type DomainSet uint16

// AllDomains is every domain: what a write of unknown reach bumps, and what an answer of unknown reach reads.
const AllDomains DomainSet = 1<<NumDomains - 1

// Domains makes a set of ds.
func Domains(ds ...Domain) DomainSet {
	var s DomainSet
	for _, d := range ds {
		s |= 1 << d
	}
	return s
}

// Has reports whether d is in s.
func (s DomainSet) Has(d Domain) bool { return s&(1<<d) != 0 }

// List returns the domains of s in order: the order in which writers bump their counters, so that two writers never
// wait for each other's rows in opposite orders.
func (s DomainSet) List() []Domain {
	var out []Domain
	for d := Domain(0); d < NumDomains; d++ {
		if s.Has(d) {
			out = append(out, d)
		}
	}
	return out
}

// entityDomains is what a write of each entity can change, cascades and rollups included. A unit is read by
// nearly every answer (its kind groups honours, volunteer totals and rankings), so a unit write bumps everything;
// a person is a recipient of honours; an honour category's points weigh honours (and so rankings).
var entityDomains = map[Entity]DomainSet{
	EntityUnit:              AllDomains,
	EntityPerson:            Domains(DomainUnits, DomainHonors),
	EntityHonor:             Domains(DomainHonors),
	EntityHonorCategory:     Domains(DomainHonors),
	EntityVolunteerRecord:   Domains(DomainVolunteer),
	EntityCampaign:          Domains(DomainVolunteer),
	EntityPracticeLink:      Domains(DomainPractice),
	EntityPracticeActivity:  Domains(DomainPractice),
	EntityAssessment:        Domains(DomainAssessments),
	EntityTarget:            Domains(DomainPlans),
	EntityRankingWeights:    Domains(DomainPlans),
	EntityWish:              Domains(DomainArticle),
	EntityExcellentCase:     Domains(DomainArticle),
	EntityTalentMember:      Domains(DomainArticle),
	EntityCivilisationEvent: Domains(DomainArticle),
	EntityDemoData:          AllDomains,
	// Accounts and tokens are not data: their audit entries change no answer.
	EntityUser:     Domains(),
	EntityAPIToken: Domains(),
}

// WriteDomains is what one audited write changes: imports and demo purges reach everything, and an entity this
// map does not know bumps every domain, so that a new kind of record can never leave a stale answer behind.
func WriteDomains(action AuditAction, e Entity) DomainSet {
	if action == ActionImport || action == ActionPurgeDemo {
		return AllDomains
	}
	if s, ok := entityDomains[e]; ok {
		return s
	}
	return AllDomains
}

// Versions is the data version (Global, bumped by every write) with the version of each domain, read together.
type Versions struct {
	Global int64
	Of     [NumDomains]int64
	// Timeline is the database's line of history: PostgreSQL's timeline, which a promoted standby moves on; 0 on
	// SQLite. A failover can take the versions back (a commit seen on the old primary never reached the standby),
	// so that version N after it may mean other data than N before it; keys that carry the timeline never meet.
	Timeline int64
}

// Key is the part of a cache key that changes when a domain in s is written (or the timeline moves on).
func (v Versions) Key(s DomainSet) string {
	b := make([]byte, 0, 8*NumDomains+10)
	if v.Timeline != 0 {
		b = append(b, 't')
		b = append(b, itoa64(v.Timeline)...)
	}
	for d := Domain(0); d < NumDomains; d++ {
		if s.Has(d) {
			b = append(b, 'a'+byte(d))
			b = append(b, itoa64(v.Of[d])...)
		}
	}
	return string(b)
}

// SameIn reports whether v and w agree on every domain in s and on the timeline: an answer computed at w that reads
// only s is current at v. It is Key(s) == w.Key(s), without making either string.
func (v Versions) SameIn(w Versions, s DomainSet) bool {
	if v.Timeline != w.Timeline {
		return false
	}
	for d := Domain(0); d < NumDomains; d++ {
		if s.Has(d) && v.Of[d] != w.Of[d] {
			return false
		}
	}
	return true
}

// Set records the value of one meta row ("data_version" or "data_version.<domain>"), or the "timeline", in v; other
// keys are ignored.
func (v *Versions) Set(key string, value int64) {
	if key == "data_version" {
		v.Global = value
		return
	}
	if key == "timeline" {
		v.Timeline = value
		return
	}
	if name, ok := strings.CutPrefix(key, "data_version."); ok {
		if d, ok := DomainByName(name); ok {
			v.Of[d] = value
		}
	}
}

// VersionsSource reads the versions every write bumps, for the caches.
type VersionsSource interface {
	DataVersions(ctx context.Context) (Versions, error)
}

func itoa64(n int64) string { return strconv.FormatInt(n, 10) }
