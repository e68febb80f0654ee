using System.Reflection;
using System.Text.Json;
using Course.Boundary;
using Course.Specs.Core;
using Course.TestSupport;

namespace Course.Autograder.Tests;

/// <summary>The exercise table is the one definition of each exercise: what must hold of its rows and of the files that cannot read them.</summary>
public sealed class ExerciseTableTests
{
    [Fact]
    public void Every_row_of_Exercises_is_in_the_table_in_notebook_order()
    {
        var declared = typeof(Exercises).GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => typeof(Exercise).IsAssignableFrom(p.PropertyType))
            .Select(p => (Exercise)p.GetValue(null)!);

        Assert.Equal(declared, Exercises.All);
    }

    [Fact]
    public void Every_exercise_crosses_the_boundary_by_its_factory_type()
    {
        Assert.All(Exercises.All, e => Assert.True(FactoryCalls.CanCross(e.FactoryType), $"{e.Name}'s {e.FactoryType} cannot cross the boundary."));
    }

    [Fact]
    public void Every_exercise_has_its_reference_and_the_reference_implementation_is_the_rows()
    {
        Assert.All(Exercises.All, e => Assert.Same(e.Reference, e.Get(Implementation.Reference)));
        Assert.All(Exercises.All, e => Assert.NotNull(e.Reference));
    }

    [Fact]
    public void The_withheld_policy_lists_exactly_each_rows_answer()
    {
        // The build tool reads autograder/withheld.json before Course.Specs exists: the file restates the rows, and this holds them equal.
        using var policy = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryFolder.Root(), "autograder", "withheld.json")));
        var library = policy.RootElement.GetProperty("assemblies").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "TinyTorch");

        Assert.Equal(Listed(Exercises.All.SelectMany(e => e.Withholds.Select(m => (e.StudentName, m)))), Listed(Entries(library, "withheld")));
        Assert.Equal(Listed(Exercises.All.SelectMany(e => e.Forwards.Select(m => (e.StudentName, m)))), Listed(Entries(library, "forwarded")));
    }

    [Fact]
    public void A_table_refuses_two_rows_for_one_check_cell_or_one_name()
    {
        var again = new Exercise<Func<int, int>>("Twice", "Twice", ["collate"]);
        var sameName = new Exercise<Func<int, int>>("collate", "Collate", ["other"]);

        Assert.Contains("\"collate\" grades two exercises", Assert.Throws<ArgumentException>(() => Exercises.All.With(again)).Message, StringComparison.Ordinal);
        Assert.Contains("exercise.collate", Assert.Throws<ArgumentException>(() => Exercises.All.With(sameName)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_factory_of_another_type_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Exercises.Flip.With(new Implementation(), new Func<int, int>(x => x)));

        Assert.Contains("Flip", error.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<(string Exercise, string Member)> Entries(JsonElement assembly, string list) =>
        assembly.GetProperty(list).EnumerateArray().Select(entry => (
            entry.GetProperty("exercise").GetString()!,
            (entry.TryGetProperty("type", out var type) ? type : entry.GetProperty("member")).GetString()!));

    private static string[] Listed(IEnumerable<(string Exercise, string Member)> entries) =>
        [.. entries.Select(e => $"{e.Exercise}: {e.Member}").Order(StringComparer.Ordinal)];
}
