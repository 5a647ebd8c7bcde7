package main

import (
	"os"
	"syscall"
	"testing"
	"unsafe"
)

// makeReadOnly takes the write permission away from path. Root ignores
// permission bits, so for root it also sets the file system's immutable
// attribute (chattr +i), which root cannot write through either, and
// clears it again when the test ends so the temporary folder can be
// removed. Only a file system without that attribute skips the test.
func makeReadOnly(t *testing.T, path string, mode os.FileMode) {
	t.Helper()
	if err := os.Chmod(path, mode); err != nil {
		t.Fatal(err)
	}
	if os.Geteuid() != 0 {
		return
	}
	if err := setImmutable(path, true); err != nil {
		t.Skipf("running as root, and %s cannot be made immutable (%v): nothing here is read-only for root", path, err)
	}
	t.Cleanup(func() {
		if err := setImmutable(path, false); err != nil {
			t.Errorf("clearing the immutable attribute of %s: %v", path, err)
		}
	})
}

// setImmutable sets or clears FS_IMMUTABLE_FL on path through the
// FS_IOC_GETFLAGS/FS_IOC_SETFLAGS ioctls, as chattr does.
func setImmutable(path string, on bool) error {
	const (
		immutable = 0x10 // FS_IMMUTABLE_FL
		// _IOR('f', 1, long) and _IOW('f', 2, long); the kernel reads and
		// writes an int through the pointer whatever the size says.
		getFlags = 2<<30 | uintptr(unsafe.Sizeof(uintptr(0)))<<16 | 'f'<<8 | 1
		setFlags = 1<<30 | uintptr(unsafe.Sizeof(uintptr(0)))<<16 | 'f'<<8 | 2
	)
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	var flags int32
	if _, _, errno := syscall.Syscall(syscall.SYS_IOCTL, f.Fd(), getFlags, uintptr(unsafe.Pointer(&flags))); errno != 0 {
		return errno
	}
	if on {
		flags |= immutable
	} else {
		flags &^= immutable
	}
	if _, _, errno := syscall.Syscall(syscall.SYS_IOCTL, f.Fd(), setFlags, uintptr(unsafe.Pointer(&flags))); errno != 0 {
		return errno
	}
	return nil
}
