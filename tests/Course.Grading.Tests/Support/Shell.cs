using System.Diagnostics;

namespace Course.Grading.Tests.Support;

/// <summary>Commands for the tests: shell one-liners as <see cref="ProcessStartInfo"/>, and running them.</summary>
internal static class Shell
{
    /// <summary>A start that runs <paramref name="script"/> with bash, with <paramref name="arguments"/> as $1, $2, ...</summary>
    public static ProcessStartInfo Bash(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash");
        foreach (string argument in new[] { "-c", script, "script" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    /// <summary>Runs a command to its end (at most <paramref name="timeoutSeconds"/>) and returns its exit code and output.</summary>
    public static (int Exit, string Output) Run(ProcessStartInfo start, int timeoutSeconds = 60)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true;
        start.UseShellExecute = false;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(timeoutSeconds * 1000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{start.FileName} {string.Join(' ', start.ArgumentList)}' ran longer than {timeoutSeconds} s.");
        }

        process.WaitForExit();
        return (process.ExitCode, output.Result + error.Result);
    }
}
