namespace Course.Specs.Core;

/// <summary>The grade_ids of module 05's check cells: the names notebooks, checks and grading share.</summary>
public static class GradeIds
{
    /// <summary>Notebook 01: the lazy CIFAR dataset.</summary>
    public const string LazyDataset = "lazy-dataset";

    /// <summary>Notebook 02: TensorDataset.</summary>
    public const string TensorDataset = "tensordataset";

    /// <summary>Notebook 03: the DataLoader's behaviour.</summary>
    public const string DataLoader = "dataloader";

    /// <summary>Notebook 03: the DataLoader's reproducibility.</summary>
    public const string DataLoaderDeterministic = "dataloader-deterministic";

    /// <summary>Notebook 03: the student's pieces working with the reference's.</summary>
    public const string Integration = "integration";

    /// <summary>Notebook 04: collate.</summary>
    public const string Collate = "collate";

    /// <summary>Notebook 05: RandomHorizontalFlip.</summary>
    public const string Flip = "flip";

    /// <summary>Notebook 05: RandomCrop.</summary>
    public const string Crop = "crop";

    /// <summary>Notebook 05: Compose.</summary>
    public const string Compose = "compose";

    /// <summary>Notebook 06 (challenge): the prefetcher.</summary>
    public const string Prefetcher = "prefetcher";
}
