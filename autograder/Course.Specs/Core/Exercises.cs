using Course.Specs.Specs;

namespace Course.Specs.Core;

/// <summary>Which exercise each check cell (grade_id) grades.</summary>
public static class Exercises
{
    /// <summary>The exercise graded by the check cell <paramref name="gradeId"/>.</summary>
    /// <param name="gradeId">A grade_id.</param>
    /// <returns>The exercise, or <see cref="Exercise.None"/> for cells that grade several together.</returns>
    public static Exercise Of(string gradeId) => gradeId switch
    {
        LazyDatasetSpecs.GradeId => Exercise.LazyCifar,
        TensorDatasetSpecs.GradeId => Exercise.TensorDataset,
        DataLoaderSpecs.GradeId or DataLoaderSpecs.DeterministicGradeId => Exercise.DataLoader,
        CollateSpecs.GradeId => Exercise.Collate,
        TransformSpecs.FlipGradeId => Exercise.Flip,
        TransformSpecs.CropGradeId => Exercise.Crop,
        TransformSpecs.ComposeGradeId => Exercise.Compose,
        PrefetcherSpecs.GradeId => Exercise.Prefetcher,
        _ => Exercise.None,
    };
}
