import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogService } from './services/catalog.service';
import { ServiceEntity } from './services/service.entity';

export const catalogEntities = [ServiceEntity];

@Module({
  imports: [TypeOrmModule.forFeature(catalogEntities)],
  providers: [CatalogService],
  exports: [CatalogService],
})
export class CatalogModule {}
