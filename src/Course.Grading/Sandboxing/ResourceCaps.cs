using System.Diagnostics;
using System.Globalization;

namespace Course.Grading.Sandboxing;

/// <summary>
/// Caps what a command may use, sandboxed or not: CPU time (RLIMIT_CPU) and address space (RLIMIT_AS), through
/// <c>prlimit</c> from util-linux when it is installed, else the shell's <c>ulimit</c>. At the CPU cap the kernel
/// sends SIGXCPU, which ends the process (exit code 152, <see cref="ExitCode"/>); a process that ignores it is
/// killed two seconds of CPU later. Past the address-space cap every allocation fails, managed or not.
/// </summary>
/// <remarks>
/// A wall-time limit alone lets a submission with many busy threads burn every core of the grading
/// machine until it expires; the CPU cap bounds the total. The managed heap is capped by DOTNET_GCHeapHardLimit,
/// which also makes the runtime reserve only what that heap needs; the address-space cap then bounds the whole
/// process, so unmanaged memory (<c>Marshal.AllocHGlobal</c>, native libraries) cannot pass it either (without a
/// heap limit .NET reserves far more address space than it uses, and would not start under such a cap). Core dumps
/// are turned off (RLIMIT_CORE 0): a killed submission's memory image is of no use and can be large.
/// </remarks>
public static class ResourceCaps
{
    /// <summary>The exit code of a process ended by its CPU-time cap: 128 + SIGXCPU (24).</summary>
    public const int ExitCode = 128 + 24;

    /// <summary>The malloc arenas a capped process may have (<see cref="MemoryEnvironment"/>).</summary>
    public const int MallocArenas = 2;

    /// <summary>The <c>prlimit</c> on PATH, or null.</summary>
    /// <returns>Its path, or null.</returns>
    public static string? FindPrlimit() => OperatingSystem.IsWindows() ? null : CommandWrapping.FindOnPath("prlimit");

    /// <summary>Whole seconds of CPU time a cap of <paramref name="limit"/> allows (rounded up: RLIMIT_CPU counts seconds).</summary>
    /// <param name="limit">The cap.</param>
    /// <returns>The seconds, at least 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The cap is zero or negative.</exception>
    public static long Seconds(TimeSpan limit)
    {
        if (limit <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, $"The CPU-time cap must be positive, but was {limit.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s.");
        }

        return Math.Max(1, (long)Math.Ceiling(limit.TotalSeconds));
    }

    /// <summary>
    /// The address space a process whose managed heap is capped at <paramref name="heapBytes"/> is given: the heap,
    /// and 4 GiB for what the runtime, Roslyn and the thread stacks reserve (measured: the grading runner fails to
    /// start notebooks with 3 GiB beside a 1 GiB heap, and runs them with 4).
    /// </summary>
    /// <param name="heapBytes">The managed-heap cap.</param>
    /// <returns>The address-space cap in bytes.</returns>
    public static long AddressSpaceFor(long heapBytes) => Math.Max(heapBytes, 0) + (4L << 30);

    /// <summary>
    /// The environment that keeps a .NET process within <see cref="AddressSpaceFor"/>: its managed heap capped
    /// (<c>DOTNET_GCHeapHardLimit</c>, hexadecimal bytes) and glibc's malloc kept to two arenas (<c>MALLOC_ARENA_MAX</c>).
    /// </summary>
    /// <remarks>
    /// glibc gives each thread that calls malloc an arena of its own, up to eight per core, and reserves 64 MiB of
    /// address space for each: a grading runner with a dozen threads (the runtime's, Roslyn's, and those a timed-out
    /// check leaves spinning) held 14 of them, 900 MiB, which left under 100 MiB of its cap beside a 1 GiB heap, and a
    /// runner crossed it and aborted ("Out of memory.") in CI. Two arenas reserve 128 MiB; managed code allocates from
    /// the GC heap, not malloc, so the contention they add is small. Other C libraries ignore the variable.
    /// </remarks>
    /// <param name="heapBytes">The managed-heap cap.</param>
    /// <returns>The variables, by name.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The cap is zero or negative.</exception>
    public static IReadOnlyDictionary<string, string> MemoryEnvironment(long heapBytes)
    {
        if (heapBytes <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(heapBytes), heapBytes, $"The heap cap must be positive, but was {heapBytes} bytes.");
        }

        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["DOTNET_GCHeapHardLimit"] = "0x" + heapBytes.ToString("X", CultureInfo.InvariantCulture),
            ["MALLOC_ARENA_MAX"] = MallocArenas.ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <summary>
    /// <paramref name="start"/> with its CPU time capped at <paramref name="limit"/> and, when given, its address space
    /// at <paramref name="addressSpaceBytes"/>. On Windows, which has neither tool, the command is returned unchanged.
    /// </summary>
    /// <param name="start">The command, with its arguments in <see cref="ProcessStartInfo.ArgumentList"/>.</param>
    /// <param name="limit">The CPU time it may use.</param>
    /// <param name="prlimitPath">The prlimit to use; null: <c>/bin/sh</c>'s <c>ulimit</c>.</param>
    /// <param name="addressSpaceBytes">The address space it may use (see <see cref="AddressSpaceFor"/>); null for no cap.</param>
    /// <returns>A new start that sets the caps, then runs the command in the same process (exec).</returns>
    /// <exception cref="ArgumentOutOfRangeException">A cap is zero or negative.</exception>
    public static ProcessStartInfo Wrap(ProcessStartInfo start, TimeSpan limit, string? prlimitPath, long? addressSpaceBytes = null)
    {
        ArgumentNullException.ThrowIfNull(start);
        long soft = Seconds(limit), hard = soft + 2;
        if (addressSpaceBytes is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(addressSpaceBytes), addressSpaceBytes, $"The address-space cap must be positive, but was {addressSpaceBytes} bytes.");
        }

        if (OperatingSystem.IsWindows())
        {
            return start;
        }

        if (prlimitPath is not null)
        {
            string[] caps = addressSpaceBytes is long bytes
                ? [$"--cpu={soft}:{hard}", $"--as={bytes}", "--core=0", "--"]
                : [$"--cpu={soft}:{hard}", "--core=0", "--"];
            return CommandWrapping.Wrap(start, prlimitPath, caps);
        }

        // The soft cap first: a hard cap below the current soft one (unlimited) is refused.
        string memory = addressSpaceBytes is long kb ? $" && ulimit -v {kb / 1024}" : string.Empty;
        return CommandWrapping.Wrap(start, "/bin/sh",
            ["-c", $"ulimit -S -t {soft} && ulimit -H -t {hard}{memory} && ulimit -c 0 && exec \"$@\"", "resource-caps"]);
    }
}
