namespace Course.Notebooks.Tests.Support;

/// <summary>Paths of the files under Fixtures/, copied next to the test assembly.</summary>
public static class Fixtures
{
    /// <summary>The full path of a fixture file.</summary>
    /// <param name="name">The file name.</param>
    /// <returns>The path.</returns>
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
}
