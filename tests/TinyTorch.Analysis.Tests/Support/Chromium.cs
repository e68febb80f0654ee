namespace TinyTorch.Analysis.Tests.Support;

/// <summary>Debian's <c>chromium</c> on PATH, which <see cref="HeadlessChromium"/> renders charts with.</summary>
public sealed class Chromium : RequiredTool
{
    /// <summary>The Debian package that provides it.</summary>
    public const string AptPackage = "chromium";

    /// <summary>Its possible names on PATH.</summary>
    public static readonly IReadOnlyList<string> Executables = ["chromium", "chromium-browser"];

    /// <inheritdoc />
    public override string? Unavailable() =>
        Find() is null ? $"{string.Join(" or ", Executables)} is not installed (apt-get install -y {AptPackage})" : null;

    /// <summary>The full path of the first of <see cref="Executables"/> found on PATH, or null.</summary>
    /// <returns>The path, or null.</returns>
    public static string? Find()
    {
        string[] directories = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return Executables.SelectMany(name => directories.Select(directory => Path.Combine(directory, name))).FirstOrDefault(File.Exists);
    }

    /// <summary>Its path; fails the test with the install hint when it is missing (a run that COURSE_REQUIRE_TOOLS=1 forced).</summary>
    /// <returns>The path.</returns>
    public static string Require() =>
        Find() ?? throw new Xunit.Sdk.XunitException($"{new Chromium().Unavailable()}.");
}
