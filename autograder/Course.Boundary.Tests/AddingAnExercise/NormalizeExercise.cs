using Course.Specs.Core;
using TinyTorch;
using TinyTorch.Transforms;

namespace Course.Boundary.Tests.AddingAnExercise;

/// <summary>
/// The worked example of docs/AUTHORING.md, "Adding an exercise": a made-up Normalize exercise, its row and one
/// check. The region between the markers is what the page shows; <see cref="AddingAnExerciseTests"/> holds the two
/// equal.
/// </summary>
internal static class NormalizeExercise
{
    // BEGIN DOCUMENTED EXAMPLE
    /// <summary>Notebook 05: a Normalize transform with one mean and one standard deviation for every channel.</summary>
    public static Exercise<Func<float, float, ITransform>> Normalize { get; } = new("Normalize", "Normalize", ["normalize"])
    {
        Reference = (mean, std) => new TinyTorch.Transforms.Normalize([mean], [std]),
        Probing = make => make(0f, 1f),
        Withholds = ["TinyTorch.Transforms.Normalize"],
    };

    /// <summary>The exercise's one check: (x - mean) / std, value by value.</summary>
    public static Spec Values { get; } = new("normalize-values", "normalize", 2, "Subtracts the mean and divides by the std",
        "Each output value is (x - mean) / std.", impl =>
        {
            var normalize = Implementation.Require(Normalize.Of(impl), Normalize.StudentName)(0.5f, 2f);
            float[] output = normalize.Apply(new Tensor([1.5f, 2.5f, -1.5f], 1, 1, 3)).Values.ToArray();
            Expect.That(output.SequenceEqual([0.5f, 1f, -1f]), "Expected [0.5, 1, -1]", () => $"[{string.Join(", ", output)}]");
        });
    // END DOCUMENTED EXAMPLE
}
