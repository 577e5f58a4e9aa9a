using LiteDB;

namespace CitizenBot.Core.Storage;

/// <summary>
/// Parameterised LiteDB filters for the hot paths. A lambda that captures a variable (<c>m => m.Key == key</c>) makes
/// LiteDB compile a delegate on every call to read the variable (LinqExpressionVisitor.Evaluate), and a value written
/// into the expression's text (<c>Query.EQ</c>) makes a new expression, compiled and cached, for every value. Here the
/// text is fixed and the value a parameter, so LiteDB compiles each filter once.
/// </summary>
public static class Filter
{
    public static BsonExpression Eq(string field, BsonValue value) => BsonExpression.Create($"$.{field} = @0", value);

    public static BsonExpression Eq(string field1, BsonValue value1, string field2, BsonValue value2) =>
        BsonExpression.Create($"$.{field1} = @0 AND $.{field2} = @1", value1, value2);
}
