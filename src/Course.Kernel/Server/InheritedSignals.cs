using System.Globalization;
using System.Runtime.InteropServices;

namespace Course.Kernel.Server;

/// <summary>
/// Takes back SIGINT when the kernel was started with it ignored. A shell without job control starts background
/// commands that way (<c>jupyter lab &amp;</c> in a script, a CI job run with <c>&amp;</c>), exec keeps the setting,
/// and .NET respects an inherited ignore: its SIGINT handler is then never installed, and an interrupt by signal
/// silently does nothing. ipykernel installs its own SIGINT handler for the same reason.
/// </summary>
internal static class InheritedSignals
{
    private const int SigInt = 2;
    private static readonly nint SigDfl = 0;

    /// <summary>
    /// Whether SIGINT is ignored in this process right now (Linux: <c>SigIgn</c> in <c>/proc/self/status</c>);
    /// false where that cannot be read.
    /// </summary>
    /// <returns>Whether it is ignored.</returns>
    public static bool InterruptIgnored() => IgnoredMask("/proc/self/status") is ulong mask && (mask & (1UL << (SigInt - 1))) != 0;

    /// <summary>
    /// Sets SIGINT back to its default action if it was inherited ignored, so that the
    /// <see cref="PosixSignalRegistration"/> made right after installs its handler. Must run before anything in the
    /// process sets up .NET's signal handling on an ignored SIGINT (it remembers the ignore).
    /// </summary>
    /// <returns>Whether SIGINT was ignored and has been reset.</returns>
    public static bool ReclaimInterrupt()
    {
        if (!OperatingSystem.IsLinux() || !InterruptIgnored())
        {
            return false;
        }

        // Only an ignored disposition is replaced: nothing else had a handler installed to lose.
        return Signal(SigInt, SigDfl) != -1;
    }

    /// <summary>The <c>SigIgn</c> mask of a <c>/proc/PID/status</c> file, or null when it cannot be read.</summary>
    /// <param name="statusFile">The file.</param>
    /// <returns>The mask.</returns>
    internal static ulong? IgnoredMask(string statusFile)
    {
        try
        {
            foreach (string line in File.ReadLines(statusFile))
            {
                if (line.StartsWith("SigIgn:", StringComparison.Ordinal)
                    && ulong.TryParse(line.AsSpan("SigIgn:".Length).Trim(), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong mask))
                {
                    return mask;
                }
            }
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        return null;
    }

    [DllImport("libc", EntryPoint = "signal")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    private static extern nint Signal(int signal, nint handler);
}
