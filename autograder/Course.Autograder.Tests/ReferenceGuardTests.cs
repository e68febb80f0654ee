using Course.Specs;
using Course.Specs.Core;

namespace Course.Autograder.Tests;

/// <summary>Making an exercise earn nothing: what the screening does with a solution built on the reference.</summary>
public sealed class ReferenceGuardTests
{
    [Fact]
    public void A_failing_exercise_fails_its_checks_with_the_message_and_leaves_the_others()
    {
        var impl = ReferenceGuard.Failing(Exercises.Collate, Implementation.Reference with { }, "Not credited: cell 5 line 2 uses TinyTorch.Data.Collate.");

        var collate = ModuleSpecs.Check("collate", impl);
        Assert.All(collate.Results, r =>
        {
            Assert.Equal(CheckStatus.Failed, r.Status);
            Assert.Equal("Not credited: cell 5 line 2 uses TinyTorch.Data.Collate.", r.Message);
        });
        Assert.Same(Implementation.Reference.Flip, impl.Flip);
    }

    [Fact]
    public void None_fails_every_exercise()
    {
        var impl = ReferenceGuard.Failing(Exercise.None, Implementation.Reference, "Not credited.");

        Assert.All(Exercises.All, e =>
            Assert.NotSame(Implementation.Reference, ReferenceGuard.Failing(e, Implementation.Reference, "x")));
        Assert.Throws<SpecFailure>(() => impl.DataLoader!(null!, new LoaderSettings(1)));
        Assert.Throws<SpecFailure>(() => impl.Prefetcher!([], 1));
    }

    [Fact]
    public void An_empty_message_is_refused_naming_the_parameter()
    {
        var e = Assert.Throws<ArgumentException>(() => ReferenceGuard.Failing(Exercises.Flip, Implementation.Reference, ""));
        Assert.Equal("message", e.ParamName);
    }
}
