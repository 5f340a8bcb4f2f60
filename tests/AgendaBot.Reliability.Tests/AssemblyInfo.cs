// One run at a time: the fault tests kill processes and stop storage, and their figures are meant to be comparable.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
