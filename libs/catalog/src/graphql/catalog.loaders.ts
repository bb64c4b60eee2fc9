import { Injectable } from '@nestjs/common';
import { LoaderFactory } from '@intradesk/core';
import DataLoader from 'dataloader';
import { CatalogService } from '../services/catalog.service';
import { ServiceModel } from './service.model';

export interface CatalogLoaders {
  serviceById: DataLoader<string, ServiceModel | null>;
  activeServicesBySupplierId: DataLoader<string, ServiceModel[]>;
}

@Injectable()
export class CatalogLoaderFactory implements LoaderFactory<CatalogLoaders> {
  constructor(private readonly catalog: CatalogService) {}

  create(): CatalogLoaders {
    return {
      serviceById: new DataLoader(async (ids) => {
        const found = new Map(
          (await this.catalog.findByIds(ids)).map((s) => [s.id, ServiceModel.from(s)]),
        );
        return ids.map((id) => found.get(id) ?? null);
      }),
      activeServicesBySupplierId: new DataLoader(async (supplierIds) => {
        const services = await this.catalog.list({ supplierIds: [...supplierIds] });
        return supplierIds.map((id) =>
          services.filter((s) => s.supplierId === id).map(ServiceModel.from),
        );
      }),
    };
  }
}
