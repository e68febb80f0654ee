using System.Reflection;

namespace Course.Withhold.Tests.Support;

/// <summary>Where this test project's build put the originals, their editions (made by Withhold.targets) and the tool.</summary>
internal static class Editions
{
    /// <summary>The folder of the original assemblies (the test output folder).</summary>
    public static string Originals => AppContext.BaseDirectory;

    /// <summary>The folder of the editions the build made.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "withheld");

    /// <summary>The tool's assembly, as the build resolved it.</summary>
    public static string Tool =>
        typeof(Editions).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "WithholdTool").Value
        ?? throw new InvalidOperationException("The build recorded no WithholdTool.");

    /// <summary>The repository's policy file.</summary>
    public static string Policy => Path.Combine(Course.TestSupport.RepositoryFolder.Root(), "autograder", "withheld.json");
}
