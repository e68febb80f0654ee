using System.Reflection;
using Course.Autograder.Screening;
using Course.Notebooks.Format;
using Course.Specs.Core;
using TinyTorch;
using static Course.Autograder.Tests.Screening.ScreeningNotebooks;

namespace Course.Autograder.Tests.Screening;

/// <summary>The table of forbidden references stays true to the library and to the module's notebooks.</summary>
public sealed class ForbiddenReferencesTests
{
    [Fact]
    public void Every_entry_names_a_type_and_member_that_exist_in_its_assembly()
    {
        var assemblies = new Dictionary<string, Assembly>
        {
            ["TinyTorch"] = typeof(Tensor).Assembly,
            ["Course.Specs"] = typeof(Implementation).Assembly,
        };

        Assert.All(ForbiddenReferences.All, entry =>
        {
            Type? type = assemblies[entry.Assembly].GetType(entry.TypeName);
            Assert.True(type is not null, $"{entry.Assembly} has no type {entry.TypeName}");
            if (entry.MemberName is { } member)
            {
                Assert.NotEmpty(type.GetMember(member, BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance));
            }
        });
    }

    [Fact]
    public void Every_exercise_forbids_its_reference_implementation()
    {
        foreach (Exercise exercise in Enum.GetValues<Exercise>().Where(e => e != Exercise.None))
        {
            Assert.Contains(ForbiddenReferences.All, entry => entry.Exercise == exercise && entry.MemberName is null && entry.Role == "the reference implementation");
            Assert.NotEqual("code", ForbiddenReferences.StudentNameOf(exercise));
        }
    }

    [Theory]
    [InlineData("01-dataset.ipynb", new[] { Exercise.LazyCifar })]
    [InlineData("02-tensordataset.ipynb", new[] { Exercise.TensorDataset })]
    [InlineData("03-dataloader.ipynb", new[] { Exercise.DataLoader })]
    [InlineData("04-collation.ipynb", new[] { Exercise.Collate })]
    [InlineData("05-transforms.ipynb", new[] { Exercise.Flip, Exercise.Crop, Exercise.Compose })]
    [InlineData("06-bottlenecks.ipynb", new[] { Exercise.Prefetcher })]
    public void A_course_notebook_grades_the_exercises_its_cells_name(string name, Exercise[] expected)
    {
        foreach (string folder in new[] { "source", "student" })
        {
            var notebook = NotebookFile.Load(Path.Combine(Root, "notebooks", folder, name));

            Assert.Equal(expected.Order(), ForbiddenReferences.ExercisesOf(notebook).Order());
            Assert.All(ForbiddenReferences.ApplyingTo(notebook), entry => Assert.True(entry.Exercise == Exercise.None || expected.Contains(entry.Exercise), entry.ToString()));
        }
    }

    [Fact]
    public void A_grade_id_names_its_exercise_from_a_check_cell_or_a_solution_cell()
    {
        Assert.Equal(Exercise.Crop, ForbiddenReferences.ExerciseOf("crop"));
        Assert.Equal(Exercise.Crop, ForbiddenReferences.ExerciseOf("crop-impl"));
        Assert.Equal(Exercise.DataLoader, ForbiddenReferences.ExerciseOf("dataloader-deterministic"));
        Assert.Equal(Exercise.LazyCifar, ForbiddenReferences.ExerciseOf("lazy-dataset-impl"));
        Assert.Equal(Exercise.None, ForbiddenReferences.ExerciseOf("integration"));
        Assert.Equal(Exercise.None, ForbiddenReferences.ExerciseOf("setup"));
    }

    [Fact]
    public void A_notebook_that_names_no_known_exercise_gets_every_entry()
    {
        var notebook = Of(Text("# ?"), Setup(""), Solution("my-answer", "int answer = 42;"));

        Assert.Empty(ForbiddenReferences.ExercisesOf(notebook));
        Assert.Equal(ForbiddenReferences.All, ForbiddenReferences.ApplyingTo(notebook));
    }
}
