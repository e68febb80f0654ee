using System.Diagnostics;

namespace TinyTorch.Analysis.Tests.Support;

/// <summary>Opens a local HTML file in headless Chromium, offline, and returns the DOM after scripts ran.</summary>
internal static class HeadlessChromium
{
    public static string DumpDom(string htmlFile, TimeSpan? budget = null)
    {
        string chromium = Chromium.Require();
        string profile = Directory.CreateTempSubdirectory("tinytorch-chromium-").FullName;
        try
        {
            var start = new ProcessStartInfo(chromium)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--no-default-browser-check", $"--user-data-dir={profile}",
                // Virtual time lets the page's timers and promises run to completion without waiting for real time.
                $"--virtual-time-budget={(int)(budget ?? TimeSpan.FromSeconds(10)).TotalMilliseconds}",
                "--dump-dom", new Uri(Path.GetFullPath(htmlFile)).AbsoluteUri,
            })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"Chromium did not finish rendering {htmlFile} within 90 s.");
            }

            string dom = stdout.GetAwaiter().GetResult();
            if (process.ExitCode != 0 || dom.Length == 0)
            {
                throw new InvalidOperationException(
                    $"Chromium exited with code {process.ExitCode} and printed no DOM: {stderr.GetAwaiter().GetResult()}");
            }

            return dom;
        }
        finally
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Chromium may still be releasing its profile; a leftover temp folder is harmless.
            }
        }
    }
}
