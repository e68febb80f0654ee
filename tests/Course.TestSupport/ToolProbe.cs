using System.Diagnostics;

namespace Course.TestSupport;

/// <summary>Runs a tool once to see whether it works.</summary>
public static class ToolProbe
{
    /// <summary>Whether <paramref name="tool"/> runs and exits 0 within 30 s.</summary>
    /// <param name="tool">The executable.</param>
    /// <param name="arguments">Its arguments.</param>
    /// <returns>True when usable.</returns>
    public static bool IsAvailable(string tool, IEnumerable<string> arguments)
    {
        try
        {
            var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using Process process = Process.Start(start)!;
            process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            return process.WaitForExit(30_000) && process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
