using Course.TestSupport;
using Course.Withhold.Tests.Support;

namespace Course.Withhold.Tests;

/// <summary>
/// What solutions build on works in the edition exactly as in the original: the same student code, compiled
/// against each, gives the same results. Each test runs on both, so a failure on the original means the test is
/// wrong and a failure on the edition means the edition is.
/// </summary>
[Collection(EditionsCollection.Name)]
public sealed class ContractTests(EditionsFixture editions)
{
    [Theory]
    [OnEditionAndOriginal]
    public void Tensors_are_made_indexed_cloned_and_sliced(bool edition) =>
        Assert.Equal("2,3|Tensor[3] (2, 0, 5)|0|9|3|1,2", Run(edition, "Tensors"));

    [Theory]
    [OnEditionAndOriginal]
    public void A_students_dataset_enumerates_through_the_kept_iterator(bool edition) =>
        Assert.Equal("0,1,4", Run(edition, "UserDataset"));

    [Theory]
    [OnEditionAndOriginal]
    public void A_transformed_dataset_applies_a_students_transform(bool edition) =>
        Assert.Equal("1,2,5|False", Run(edition, "Transformed"));

    [Theory]
    [OnEditionAndOriginal]
    public void A_batch_of_caller_owned_tensors_deconstructs_and_clones(bool edition) =>
        Assert.Equal("Batch([2, 3], [2])|2|False|4,5|2|2", Run(edition, "Batches"));

    [Theory]
    [OnEditionAndOriginal]
    public void Normalize_standardises_each_channel(bool edition) =>
        Assert.Equal("Tensor[1, 2, 2] (1, 2, 3, 4)", Run(edition, "Normalised"));

    [Theory]
    [OnEditionAndOriginal]
    public void Synthetic_cifar_files_are_written(bool edition)
    {
        using var folder = new TempFolder("withhold-cifar-");

        Assert.Equal("15365|cat", Run(edition, "Synthetic", folder.File("data.bin")));
    }

    [Theory]
    [OnEditionAndOriginal]
    public void A_sample_load_exception_names_its_sample(bool edition) =>
        Assert.Equal("Loading sample 7 (in batch 1) failed: InvalidOperationException: bad", Run(edition, "Failure"));

    private string? Run(bool edition, string probe, params object?[] arguments) =>
        (string?)Reflected.Static(editions.Probes(edition), probe, arguments);
}
