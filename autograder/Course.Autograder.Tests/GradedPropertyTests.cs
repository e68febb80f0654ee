using Course.Specs;
using Course.Specs.Core;

namespace Course.Autograder.Tests;

/// <summary>
/// One test per graded property of module 05, run against <see cref="ImplementationUnderTest"/>: as they
/// are, the reference library, which proves that every check passes for the answers; with
/// <c>COURSE_SUBMISSION=folder</c>, a student's submission.
/// </summary>
public sealed class GradedPropertyTests
{
    public static TheoryData<string> SpecIds() => new(ModuleSpecs.All.Select(s => s.Id));

    [Theory]
    [MemberData(nameof(SpecIds))]
    public void Check_holds_for_the_implementation_under_test(string id)
    {
        var spec = ModuleSpecs.All.Single(s => s.Id == id);
        var result = SpecRunner.RunOne(spec, ImplementationUnderTest.Current);
        Assert.True(result.Passed, $"{spec.Id} ({spec.GradeId}, {spec.Points} points) on {ImplementationUnderTest.Name}: {result.Status}: {result.Message}");
    }

    [Fact]
    public void Every_spec_id_is_unique_and_every_check_has_points_and_a_hint()
    {
        Assert.Equal(ModuleSpecs.All.Count, ModuleSpecs.All.Select(s => s.Id).Distinct().Count());
        Assert.All(ModuleSpecs.All, s =>
        {
            Assert.True(s.Points > 0, s.Id);
            Assert.False(string.IsNullOrWhiteSpace(s.Hint), s.Id);
            Assert.Matches("^[A-Za-z0-9_-]+$", s.GradeId);
        });
    }
}
