namespace NewsReader.Core.Entities;

public enum EntityType
{
    Person,
    Place,
    Organization,
}
