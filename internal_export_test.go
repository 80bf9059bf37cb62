package main

// Run exposes the command dispatcher to the black-box tests of package main_test, which drive the CLI as a user
// would.
var Run = run
