namespace AgendaBot.Features;

/// <summary>
/// Marks a type that other features may use: features otherwise do not reach into each other, so that each can be read,
/// changed and removed on its own (tests/AgendaBot.Architecture.Tests pins this). Keep seams few and say on each why.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface | AttributeTargets.Enum, Inherited = false)]
public sealed class SeamAttribute : Attribute;
