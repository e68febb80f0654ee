namespace Course.Samples.Cells.CompleteDifferent; // project-only
// A fold over the stages.
public class Compose : ITransform
{
    private readonly IReadOnlyList<ITransform> _stages;

    public Compose(params ITransform[] transforms) => _stages = transforms.ToList();

    public Tensor Apply(Tensor input) => _stages.Aggregate(input.Clone(), (x, stage) => stage.Apply(x));
}
