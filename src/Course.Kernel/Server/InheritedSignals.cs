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
    private const nint SigDfl = 0, SigIgn = 1;

    /// <summary>Whether SIGINT is ignored in this process right now; false where that cannot be read.</summary>
    /// <returns>Whether it is ignored.</returns>
    public static bool InterruptIgnored() => HasInterrupt("SigIgn");

    /// <summary>Whether a handler catches SIGINT in this process right now; false where that cannot be read.</summary>
    /// <returns>Whether it is caught.</returns>
    public static bool InterruptCaught() => HasInterrupt("SigCgt");

    /// <summary>
    /// Sets SIGINT back to its default action if it was inherited ignored, so that the
    /// <see cref="PosixSignalRegistration"/> made right after installs its handler. Follow it with
    /// <see cref="KeepIgnoredUnlessCaught"/>: if .NET had set up its signal handling before, it remembers the ignore
    /// and installs nothing, and the default action would then end the kernel on SIGINT.
    /// </summary>
    /// <returns>Whether SIGINT was ignored and has been reset.</returns>
    public static bool ReclaimInterrupt() =>
        OperatingSystem.IsLinux() && InterruptIgnored() && Signal(SigInt, SigDfl) != -1; // only an ignore is replaced: no handler is lost

    /// <summary>After <see cref="ReclaimInterrupt"/> and the registration: ignores SIGINT again if no handler took it.</summary>
    /// <param name="reclaimed">What <see cref="ReclaimInterrupt"/> returned.</param>
    public static void KeepIgnoredUnlessCaught(bool reclaimed)
    {
        if (reclaimed && !InterruptCaught())
        {
            _ = Signal(SigInt, SigIgn);
        }
    }

    /// <summary>A signal mask (<c>SigIgn</c>, <c>SigCgt</c>, ...) of a <c>/proc/PID/status</c> file, or null when it cannot be read.</summary>
    /// <param name="statusFile">The file.</param>
    /// <param name="field">The mask's name.</param>
    /// <returns>The mask.</returns>
    internal static ulong? Mask(string statusFile, string field)
    {
        string prefix = field + ":";
        try
        {
            foreach (string line in File.ReadLines(statusFile))
            {
                if (line.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return ulong.TryParse(line.AsSpan(prefix.Length).Trim(), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong mask) ? mask : null;
                }
            }
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        return null;
    }

    private static bool HasInterrupt(string field) => Mask("/proc/self/status", field) is ulong mask && (mask & (1UL << (SigInt - 1))) != 0;

    [DllImport("libc", EntryPoint = "signal")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    private static extern nint Signal(int signal, nint handler);
}
