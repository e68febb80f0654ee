using System.Text.Json.Nodes;
using Course.Autograder.Preparation;
using Course.Grading.Results;

namespace Course.Autograder.Tests.Preparation;

/// <summary>
/// Preparing a submission in the grading parent: each notebook is ready (locked cells restored) or has
/// the reason it cannot be graded, and a prepared folder carries no instructor solution.
/// </summary>
public sealed class SubmissionPreparationTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("prep-tests-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_complete_submission_has_every_notebook_ready_and_nothing_tampered()
    {
        var prepared = SubmissionPreparation.Prepare(ModuleFixtures.Module, Sample("alice"));

        Assert.Equal("alice", prepared.StudentId);
        Assert.Equal(ModuleFixtures.Module.Names, prepared.Notebooks.Select(n => n.Name));
        Assert.All(prepared.Notebooks, n =>
        {
            Assert.Equal(PreparedNotebook.Ready, n.Status);
            Assert.False(n.Tampered);
            Assert.NotNull(n.Notebook);
        });
        Assert.Equal(ModuleFixtures.Module.NotebookOf("dataloader"), prepared.NotebookOf("dataloader"));
    }

    [Fact]
    public void Missing_unreadable_empty_and_foreign_notebooks_each_get_their_status_and_reason()
    {
        string folder = Sample("bob");
        string[] names = [.. ModuleFixtures.Module.Names];
        File.Delete(Path.Combine(folder, names[0]));
        File.WriteAllText(Path.Combine(folder, names[1]), "this is not json");
        File.WriteAllText(Path.Combine(folder, names[2]), """{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}""");
        File.Copy(Path.Combine(folder, names[4]), Path.Combine(folder, names[3]), overwrite: true);

        var byName = SubmissionPreparation.Prepare(ModuleFixtures.Module, folder).Notebooks.ToDictionary(n => n.Name);

        Assert.Equal((NotebookStatus.Missing, $"{names[0]} was not in the submission."), (byName[names[0]].Status, byName[names[0]].Problems.Single()));
        Assert.Equal(NotebookStatus.Unreadable, byName[names[1]].Status);
        Assert.StartsWith($"{names[1]} is not a readable notebook:", byName[names[1]].Problems.Single(), StringComparison.Ordinal);
        Assert.Equal((NotebookStatus.Empty, $"{names[2]} has no cells."), (byName[names[2]].Status, byName[names[2]].Problems.Single()));
        Assert.Equal(NotebookStatus.FromAnotherModule, byName[names[3]].Status);
        Assert.Contains("another module", byName[names[3]].Problems.Single(), StringComparison.Ordinal);
        Assert.All(new[] { names[0], names[1], names[2], names[3] }, n => Assert.Null(byName[n].Notebook));
        Assert.Equal(PreparedNotebook.Ready, byName[names[4]].Status);
    }

    [Fact]
    public void An_edited_check_cell_is_restored_and_reported()
    {
        string folder = Sample("carol");
        string name = ModuleFixtures.Module.NotebookOf("dataloader")!;
        string path = Path.Combine(folder, name);
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        var check = json["cells"]!.AsArray().First(c => c!["metadata"]?["nbgrader"]?["grade"]?.GetValue<bool>() == true && c["metadata"]!["nbgrader"]!["solution"]?.GetValue<bool>() != true)!;
        string original = string.Concat(check["source"]!.AsArray().Select(l => l!.GetValue<string>()));
        check["source"] = new JsonArray("// all checks pass, trust me\n");
        File.WriteAllText(path, json.ToJsonString());

        var notebook = SubmissionPreparation.Prepare(ModuleFixtures.Module, folder).Notebooks.Single(n => n.Name == name);

        Assert.Equal(PreparedNotebook.Ready, notebook.Status);
        Assert.True(notebook.Tampered);
        Assert.Contains("restored", notebook.Problems.Single(), StringComparison.Ordinal);
        Assert.Contains(notebook.Notebook!.Cells, c => c.Source == original);
        Assert.DoesNotContain(notebook.Notebook.Cells, c => c.Source.Contains("trust me", StringComparison.Ordinal));
    }

    [Fact]
    public void A_prepared_folder_round_trips_and_holds_only_the_students_solutions()
    {
        string folder = Sample("dave");
        File.Delete(Path.Combine(folder, ModuleFixtures.Module.Names[0]));
        string into = Path.Combine(_root, "prepared");

        var written = SubmissionPreparation.Prepare(ModuleFixtures.Module, folder, into);
        var read = SubmissionPreparation.Read(into);

        Assert.Equal(written.StudentId, read.StudentId);
        Assert.Equal(written.Notebooks.Select(n => (n.Name, n.Status, string.Join("|", n.Problems))), read.Notebooks.Select(n => (n.Name, n.Status, string.Join("|", n.Problems))));
        Assert.Equal(written.NotebookOfGradeId, read.NotebookOfGradeId);
        Assert.False(File.Exists(Path.Combine(into, ModuleFixtures.Module.Names[0])));
        // The sample solves the exercises differently from the reference: none of the instructor's
        // solution cells may appear in what the grading process is given.
        var solutions = ModuleFixtures.Module.Sources.SelectMany(s => s.Source.Cells)
            .Where(c => c.Metadata["nbgrader"]?["solution"]?.GetValue<bool>() == true).Select(c => c.Source).ToHashSet();
        Assert.NotEmpty(solutions);
        Assert.DoesNotContain(read.Notebooks.Where(n => n.Notebook is not null).SelectMany(n => n.Notebook!.Cells), c => solutions.Contains(c.Source));
    }

    [Fact]
    public void Reading_a_folder_without_a_manifest_says_what_is_missing()
    {
        var e = Assert.Throws<InvalidDataException>(() => SubmissionPreparation.Read(_root));

        Assert.Equal($"'{_root}' is not a prepared submission: it has no prepared.json.", e.Message);
    }

    [Fact]
    public void Reading_a_manifest_whose_ready_notebook_is_gone_names_the_notebook()
    {
        string into = Path.Combine(_root, "prepared");
        SubmissionPreparation.Prepare(ModuleFixtures.Module, Sample("erin"), into);
        File.Delete(Path.Combine(into, ModuleFixtures.Module.Names[2]));

        var e = Assert.Throws<InvalidDataException>(() => SubmissionPreparation.Read(into));

        Assert.Contains($"says {ModuleFixtures.Module.Names[2]} is ready, but the file is not there", e.Message, StringComparison.Ordinal);
    }

    private string Sample(string student) => ModuleFixtures.CopyCorrectSample(_root, student);
}
