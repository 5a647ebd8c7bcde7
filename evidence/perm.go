package evidence

import (
	"fmt"
	"io/fs"
	"os"
	"runtime"
	"strings"
)

// permissionWarnings names the bundle folder and the archive files that
// others than their owner may read or enter: the bundle holds personal
// data as it was published, and a copy or an unpack that widened its
// modes would hand it to every user of the machine. Windows keeps access
// in ACLs, which file modes do not show; nothing is said there.
func permissionWarnings(bundle string, entries []os.DirEntry) []Problem {
	if runtime.GOOS == "windows" {
		return nil
	}
	var out []Problem
	if info, err := os.Stat(bundle); err == nil {
		out = appendWider(out, Folder, info.Mode().Perm(), DirPerm, "chmod 700")
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !(strings.HasSuffix(name, Ext) || strings.HasSuffix(name, ".warc") || strings.HasSuffix(name, openSuffix)) {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		out = appendWider(out, Folder+"/"+name, info.Mode().Perm(), FilePerm, "chmod 600")
	}
	return out
}

// appendWider adds a warning for rel when mode gives anyone but the owner
// more than want does.
func appendWider(out []Problem, rel string, mode, want fs.FileMode, fix string) []Problem {
	if mode&^want == 0 {
		return out
	}
	return append(out, Problem{File: rel, Offset: -1, Message: fmt.Sprintf(
		"open to others than its owner (%s, want %s): the bundle holds personal data as published; restrict it (%s) and keep it under the administration's rules for public records and personal data",
		mode, want, fix)})
}
