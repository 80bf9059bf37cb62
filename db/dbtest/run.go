// Package dbtest is the conformance suite of db.Backend: every backend (SQLite now, PostgreSQL next) runs the same
// cases through the interface alone, so that the API behaves alike on each.
package dbtest

import (
	"testing"

	"github.com/wenming/wenming/db"
)

// cases lists the suite by name; each case opens the databases it needs from the Opener.
var cases = []struct {
	name string
	run  func(t *testing.T, open Opener)
}{
	// Lifecycle: open, migrate, load, bootstrap, change notifications.
	{"Open", testOpen},
	{"Load", testLoad},
	{"Bootstrap", testBootstrap},
	{"Changes", testChanges},
	{"DomainVersions", testDomainVersions},
	{"CachedAggregatesStayCurrent", testCachedAggregatesStayCurrent},
	{"Auth", testAuth},
	{"LoginAttempts", testLoginAttempts},
	{"LoadBulk", testLoadBulk},
	{"Close", testClose},
	{"Verify", testVerify},
	{"Backup", testBackup},
	// Reads.
	{"PagingWalks", testPagingWalks},
	{"Loaders", testLoaders},
	{"PublishedFigures", testPublishedFigures},
	{"Measure", testMeasure},
	{"Progress", testProgress},
	{"WorkStats", testWorkStats},
	{"Honors_Filter", testHonors_Filter},
	{"Honors_OrderAndPaging", testHonors_OrderAndPaging},
	{"Honors_ErrInvalidCursor", testHonors_ErrInvalidCursor},
	{"HonorStats", testHonorStats},
	{"HonorsByRecipients", testHonorsByRecipients},
	{"People", testPeople},
	{"Units", testUnits},
	{"UnitKinds", testUnitKinds},
	{"RankingInputs", testRankingInputs},
	{"RankingWeights", testRankingWeights},
	{"Assessments", testAssessments},
	{"VolunteerStats", testVolunteerStats},
	{"VolunteerRecords", testVolunteerRecords},
	{"VolunteerTotalsByUnits", testVolunteerTotalsByUnits},
	{"Campaigns", testCampaigns},
	{"VolunteerProjects", testVolunteerProjects},
	{"Federation", testFederation},
	{"PracticeCenters", testPracticeCenters},
	{"PracticeSummary", testPracticeSummary},
	{"PracticeActivityStats", testPracticeActivityStats},
	{"CenterSessions", testCenterSessions},
	{"PracticeLinks", testPracticeLinks},
	{"DemoReconciles", testDemoReconciles},
	{"ReconciliationRules", testReconciliationRules},
	{"FourExcellentRecipientKinds", testFourExcellentRecipientKinds},
	// The article's records beyond the counts.
	{"PracticeActions", testPracticeActions},
	{"PairingContents", testPairingContents},
	{"Wishes", testWishes},
	{"WishFunnel", testWishFunnel},
	{"ExcellentCases", testExcellentCases},
	{"TalentMembers", testTalentMembers},
	{"CivilisationEvents", testCivilisationEvents},
	{"ArticleDemoCounted", testArticleDemoCounted},
	// Writes: validation, atomicity, optimistic concurrency, audit, soft delete, rollups.
	{"Create", testCreate},
	{"CreateInvalid", testCreateInvalid},
	{"Atomicity", testAtomicity},
	{"Update", testUpdate},
	{"UpdateEveryKind", testUpdateEveryKind},
	{"NaturalKeys", testNaturalKeys},
	{"ConcurrentUpdates", testConcurrentUpdates},
	{"CountBounds", testCountBounds},
	{"ControlCharacters", testControlCharacters},
	{"DeleteAndRestore", testDeleteAndRestore},
	{"DeleteReferencedPerson", testDeleteReferencedPerson},
	{"RankingWeightWrites", testRankingWeightWrites},
	{"AuditLog", testAuditLog},
	{"RecordConnections", testRecordConnections},
	{"Rollups", testRollups},
	{"RankingFollowsWrites", testRankingFollowsWrites},
	{"WholeCountsFollowWrites", testWholeCountsFollowWrites},
	{"PurgeDemo", testPurgeDemo},
	// Donations and pairings (db/donation_write.go).
	{"DonationWrites", testDonationWrites},
	{"DonationInvalid", testDonationInvalid},
	{"DonationDemoFlag", testDonationDemoFlag},
	{"PairingWrites", testPairingWrites},
	{"PairingInvalid", testPairingInvalid},
	{"PairingDemoFlag", testPairingDemoFlag},
	// Imports: all or nothing, the mutations' rules, demo flags.
	{"Import", testImport},
	{"ImportSharesTheMutationRules", testImportSharesTheMutationRules},
	{"ImportFourExcellentKinds", testImportFourExcellentKinds},
	{"ImportDemoFlag", testImportDemoFlag},
}

// Run runs the whole suite against the backend that open opens, one subtest per case, in parallel: each case
// works on databases of its own.
func Run(t *testing.T, open func(testing.TB) db.Backend) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			c.run(t, open)
		})
	}
}
