namespace TinyTorch.Analysis.Tests.Support;

/// <summary>
/// Finds external programs a test needs (Debian's <c>chromium</c>) and decides whether their absence
/// skips the test or fails it: CI sets <c>COURSE_REQUIRE_TOOLS=1</c>, where a missing tool is a defect.
/// </summary>
internal static class ExternalTool
{
    public const string RequireVariable = "COURSE_REQUIRE_TOOLS";

    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    /// <summary>The full path of the first of <paramref name="names"/> found on PATH, or null.</summary>
    public static string? Find(params string[] names)
    {
        string[] directories = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (string name in names)
        {
            foreach (string directory in directories)
            {
                string candidate = Path.Combine(directory, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>The tool's path; fails the test with the install hint when it is missing.</summary>
    public static string Require(string aptPackage, params string[] names) =>
        Find(names) ?? throw new Xunit.Sdk.XunitException(
            $"{string.Join(" or ", names)} is not on PATH; install it with `apt-get install -y {aptPackage}`.");
}
