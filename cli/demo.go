package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/wenming/wenming/db"
)

// demoCommand implements `wenming demo purge [--dry-run] --db FILE`: an office that starts entering real data
// removes the flagged demo dataset in one audited transaction.
func demoCommand(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "purge" {
		return errors.New("usage: wenming demo purge [--dry-run] --db FILE")
	}
	fs := flag.NewFlagSet("wenming demo purge", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dry := fs.Bool("dry-run", false, "count the demo records and check what points at them, delete nothing")
	d, err := openForCLI(ctx, fs, args[1:])
	if err != nil {
		return err
	}
	defer d.Close()
	rep, err := d.PurgeDemo(cliPrincipal(ctx), *dry)
	if err != nil {
		return cliError(err)
	}
	return printPurge(stdout, rep)
}

// printPurge writes a purge report as a table; a refusal lists the blocking records and returns an error.
func printPurge(out io.Writer, rep *db.DemoPurgeReport) error {
	if rep.BlockerCount > 0 {
		fmt.Fprintf(out, "未清除：有 %d 条真实记录仍引用演示记录，请先删除或改挂它们：\n", rep.BlockerCount)
		tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "真实记录\tID\t引用列\t演示记录\tID")
		for _, b := range rep.Blockers {
			fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%d\n", b.NameZh, b.ID, b.Column, b.RefName, b.RefID)
		}
		tw.Flush()
		if rep.BlockerCount > len(rep.Blockers) {
			fmt.Fprintf(out, "……另有 %d 条未列出。\n", rep.BlockerCount-len(rep.Blockers))
		}
		return fmt.Errorf("demo purge refused: %d real records point at demo records", rep.BlockerCount)
	}
	if rep.Total() == 0 {
		fmt.Fprintln(out, "没有演示数据。")
		return nil
	}
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', tabwriter.AlignRight)
	for _, t := range rep.Tables {
		fmt.Fprintf(tw, "%s\t%d\t\n", t.NameZh, t.Count)
	}
	tw.Flush()
	switch {
	case rep.Purged:
		fmt.Fprintf(out, "已删除演示数据 %d 条（已写入审计日志）。\n", rep.Total())
	case rep.DryRun:
		fmt.Fprintf(out, "预演：将删除演示数据 %d 条；去掉 --dry-run 执行。\n", rep.Total())
	}
	return nil
}
