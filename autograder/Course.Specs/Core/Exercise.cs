namespace Course.Specs.Core;

/// <summary>The exercises of module 05, one per factory of <see cref="Implementation"/>.</summary>
public enum Exercise
{
    /// <summary>No single exercise: the check cell grades how exercises work together.</summary>
    None,

    /// <summary>Notebook 01: the lazy CIFAR dataset.</summary>
    LazyCifar,

    /// <summary>Notebook 02: TensorDataset.</summary>
    TensorDataset,

    /// <summary>Notebook 03: DataLoader.</summary>
    DataLoader,

    /// <summary>Notebook 04: collate.</summary>
    Collate,

    /// <summary>Notebook 05: RandomHorizontalFlip.</summary>
    Flip,

    /// <summary>Notebook 05: RandomCrop.</summary>
    Crop,

    /// <summary>Notebook 05: Compose.</summary>
    Compose,

    /// <summary>Notebook 06 (challenge): the prefetcher.</summary>
    Prefetcher,
}
