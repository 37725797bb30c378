-- Materials a reviewer rejected for a filing (reviewRejectedMaterials): attached again, they are returned again.
create table material_rejection (
    filing_id    varchar(36) not null,
    material_id  varchar(36) not null,
    primary key (filing_id, material_id)
);
