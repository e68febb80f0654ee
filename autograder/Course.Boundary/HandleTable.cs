namespace Course.Boundary;

/// <summary>
/// The objects one side lets the other refer to, by number: datasets, loaders, enumerators, transforms, sources,
/// and the tensors that crossed. Released together (after each check), so nothing outlives the check that made it.
/// </summary>
/// <remarks>
/// Handles are never reused, not even after a release, so a stale handle is refused rather than resolved to another
/// object. The other side's calls can make this side register objects (the tensors they bring, the objects they ask
/// for), so the table holds at most <see cref="MaxObjects"/> between releases.
/// </remarks>
public sealed class HandleTable
{
    /// <summary>The most objects held between two releases.</summary>
    public const int MaxObjects = 1 << 20;

    // One lock rather than concurrent dictionaries: every tensor that crosses is registered, and an uncontended lock
    // is the cheapest way to keep the two maps in step.
    private readonly Lock _gate = new();
    private readonly Dictionary<long, object> _objects = [];
    private readonly Dictionary<object, long> _ids = new(ReferenceEqualityComparer.Instance);
    private long _next;

    /// <summary>The id of an object, registering it the first time.</summary>
    /// <param name="value">The object.</param>
    /// <returns>Its id.</returns>
    /// <exception cref="BoundaryProtocolException">The table holds <see cref="MaxObjects"/> objects already and this one is new.</exception>
    public long Register(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (_gate)
        {
            if (!_ids.TryGetValue(value, out long id))
            {
                if (_objects.Count >= MaxObjects)
                {
                    throw new BoundaryProtocolException($"More than {MaxObjects:N0} objects crossed the grading boundary in one check; they are released after each check.");
                }

                id = ++_next;
                _ids[value] = id;
                _objects[id] = value;
            }

            return id;
        }
    }

    /// <summary>The object with an id, of the type the operation needs.</summary>
    /// <typeparam name="T">The type expected.</typeparam>
    /// <param name="id">The id.</param>
    /// <returns>The object.</returns>
    /// <exception cref="BoundaryProtocolException">No object has that id (it was released, or never was), or it is of another type.</exception>
    public T Get<T>(long id)
        where T : class
    {
        object? value;
        lock (_gate)
        {
            _objects.TryGetValue(id, out value);
        }

        return value is null
            ? throw new BoundaryProtocolException($"There is no object with handle {id} (released after its check, or never given).")
            : value as T ?? throw new BoundaryProtocolException($"Handle {id} is a {value.GetType().Name}, not a {typeof(T).Name}.");
    }

    /// <summary>Forgets every object.</summary>
    public void Release()
    {
        lock (_gate)
        {
            _objects.Clear();
            _ids.Clear();
        }
    }
}
