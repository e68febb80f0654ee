using System.Text;

namespace Course.Samples.Tests;

/// <summary>
/// The committed samples (autograder/samples) are exactly what Course.Samples builds from the notebooks today, so a
/// change to a notebook cannot leave a sample graded against an older notebook than students get.
/// </summary>
public sealed class SampleDriftTests
{
    private const string Rebuild = "dotnet run --project autograder/Course.Samples -- --out autograder/samples";

    [Fact]
    public void The_committed_samples_are_what_the_generator_builds_byte_for_byte()
    {
        string root = RepositoryFolder.Root();
        string committed = Path.Combine(root, "autograder", "samples");
        using var temp = new TempFolder("course-samples-");

        var (code, output, error) = Run("--root", root, "--out", temp.Path);

        Assert.True(code == 0, output + error);
        string[] names = [.. SampleRecipes.All.Select(recipe => recipe.Name).Order(StringComparer.Ordinal)];
        Assert.Equal(names, Directory.GetDirectories(committed).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (string name in names)
        {
            string[] built = Files(Path.Combine(temp.Path, name));
            Assert.True(built.Length > 0, $"{name}: no notebooks built");
            Assert.Equal(built, Files(Path.Combine(committed, name)));
            foreach (string file in built)
            {
                byte[] expected = File.ReadAllBytes(Path.Combine(temp.Path, name, file));
                byte[] actual = File.ReadAllBytes(Path.Combine(committed, name, file));
                Assert.True(expected.AsSpan().SequenceEqual(actual),
                    $"autograder/samples/{name}/{file} is not what the notebooks and autograder/Course.Samples give ({FirstDifference(expected, actual)}). Rebuild the samples with `{Rebuild}`, grade them, and check autograder/samples/README.md.");
            }
        }
    }

    [Fact]
    public void Writing_replaces_the_sample_folders_and_leaves_everything_else()
    {
        using var temp = new TempFolder("course-samples-");
        File.WriteAllText(temp.File("keep.txt"), "not a sample");
        Directory.CreateDirectory(temp.File("partial"));
        File.WriteAllText(temp.File(Path.Combine("partial", "99-gone.ipynb")), "{}");

        var (code, output, error) = Run("--root", RepositoryFolder.Root(), "--out", temp.Path);

        Assert.True(code == 0, output + error);
        Assert.Equal("not a sample", File.ReadAllText(temp.File("keep.txt")));
        Assert.False(File.Exists(temp.File(Path.Combine("partial", "99-gone.ipynb"))));
        Assert.Contains("partial: 6 notebooks, 3 solution cells filled", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_out_nothing_is_written_and_help_says_what_out_replaces()
    {
        var (code, _, error) = Run("--root", RepositoryFolder.Root());
        var (helpCode, help, _) = Run("--help");

        Assert.Equal(2, code);
        Assert.Contains("Missing --out", error, StringComparison.Ordinal);
        Assert.Equal(0, helpCode);
        Assert.Contains("REPLACED", help, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cell_file_loses_its_project_only_lines_and_its_final_newline()
    {
        string file = "using X;\r\nnamespace N; // project-only\r\n\r\nclass C // project-only: why\r\n{ // project-only\r\nstatic int F() => 1;\r\n} // project-only\r\n";

        Assert.Equal("using X;\n\nstatic int F() => 1;", CellFiles.CellText(file));
    }

    [Fact]
    public void An_edit_whose_declaration_is_gone_stops_the_build_instead_of_leaving_the_sample_unbroken()
    {
        Assert.Equal("class DataLoader\n{\n    int x = ;\n}", new ReferenceEdit(@"class DataLoader\b", "\n    int x = ;").Apply("dataloader-impl", "class DataLoader\n{\n}"));
        var failure = Assert.Throws<SampleBuildException>(() => SampleRecipes.EndlessLoop.Apply("collate-impl", "static Tensor[] Stack(IReadOnlyList<Tensor> xs) { }"));
        Assert.Contains("collate-impl", failure.Message, StringComparison.Ordinal);
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = SamplesCommand.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static string[] Files(string folder) =>
        [.. Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(path => Path.GetRelativePath(folder, path)).Order(StringComparer.Ordinal)];

    /// <summary>Where two files first differ, as "line N: expected … but committed …", so a failure shows the change.</summary>
    private static string FirstDifference(byte[] expected, byte[] actual)
    {
        string[] want = Encoding.UTF8.GetString(expected).Split('\n');
        string[] have = Encoding.UTF8.GetString(actual).Split('\n');
        for (int i = 0; i < Math.Max(want.Length, have.Length); i++)
        {
            string? w = i < want.Length ? want[i] : null, h = i < have.Length ? have[i] : null;
            if (w != h)
            {
                return $"line {i + 1}: built {w?.Trim() ?? "(end of file)"}, committed {h?.Trim() ?? "(end of file)"}";
            }
        }

        return "they differ in bytes only";
    }
}
