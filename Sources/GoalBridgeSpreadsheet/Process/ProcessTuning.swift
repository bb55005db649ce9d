#if canImport(Glibc)
import Glibc
#endif

/// Process-wide settings for batch work; executables call `apply()` once, first thing in `main`,
/// before any thread starts (it changes the environment and malloc's parameters).
///
/// Both settings fix costs that are paid per workbook but have nothing to do with the workbook;
/// figures from `goalbridge-bench` on this project's machine, before → after.
public enum ProcessTuning {
    /// Blocks below this size come from the heap (reused) instead of a fresh mapping.
    public static let mmapThreshold: Int32 = 8 << 20
    /// Free memory at the top of the heap kept for reuse instead of returned to the kernel.
    public static let trimThreshold: Int32 = 64 << 20

    /// Applies both settings: the local time zone named once (`TZ=:/etc/localtime`, the same zone), freed memory
    /// kept for reuse up to `trimThreshold`. Call once, first thing, as the CLI and the benchmarks do.
    ///
    ///     ProcessTuning.apply()
    public static func apply() {
        pinTimeZone()
        keepFreedMemory()
    }

    /// libzip converts every zip entry's DOS time with `mktime`, and glibc's `mktime` re-`stat`s
    /// /etc/localtime on every call while `TZ` is unset: eleven system calls per workbook read.
    /// `TZ=:/etc/localtime` names the same zone (same local time), and glibc then loads it once.
    /// read: 175 → 160 µs per workbook.
    static func pinTimeZone() {
        if getenv("TZ") == nil {
            setenv("TZ", ":/etc/localtime", 0)
            tzset()
        }
    }

    /// Reading and writing a workbook allocate and free a few large buffers each time (zlib's
    /// deflate state ≈ 270 KB per zip entry, libxml2's push buffers, libxlsxwriter's part buffers).
    /// With glibc's defaults those go back to the kernel after every workbook — the heap top is
    /// trimmed with `brk` and large blocks are `munmap`ped — and are faulted in again, zeroed, for
    /// the next one. write: 1.93 → 1.38 ms per workbook; half the time had been page faults and TLB
    /// flushes. Memory stays bounded: the slack kept is at most `trimThreshold` per arena.
    static func keepFreedMemory() {
        #if canImport(Glibc)
        // <malloc.h> is not part of Swift's Glibc module; look `mallopt` up instead.
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        let M_TRIM_THRESHOLD: Int32 = -1, M_MMAP_THRESHOLD: Int32 = -3  // values from glibc's malloc.h
        _ = mallopt(M_MMAP_THRESHOLD, mmapThreshold)
        _ = mallopt(M_TRIM_THRESHOLD, trimThreshold)
        #endif
    }
}
