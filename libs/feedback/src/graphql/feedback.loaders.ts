import { Injectable } from '@nestjs/common';
import { LoaderFactory } from '@intradesk/core';
import { RequestEntity } from '@intradesk/requests';
import DataLoader from 'dataloader';
import { KudosService } from '../kudos/kudos.service';
import { RatingSide } from '../ratings/rating-side.enum';
import { RatingsService } from '../ratings/ratings.service';
import { KudosModel } from './kudos.model';
import { RatingModel } from './rating.model';

export interface FeedbackLoaders {
  ratingsByRequestId: DataLoader<string, Partial<Record<RatingSide, RatingModel>>>;
  kudosByRequestId: DataLoader<string, KudosModel[]>;
  requestById: DataLoader<string, RequestEntity | null>;
}

@Injectable()
export class FeedbackLoaderFactory implements LoaderFactory<FeedbackLoaders> {
  constructor(
    private readonly ratings: RatingsService,
    private readonly kudos: KudosService,
  ) {}

  create(): FeedbackLoaders {
    return {
      ratingsByRequestId: new DataLoader(async (ids) => {
        const map = new Map<string, Partial<Record<RatingSide, RatingModel>>>(
          ids.map((id) => [id, {}]),
        );
        for (const rating of await this.ratings.findByRequestIds(ids)) {
          map.get(rating.requestId)![rating.side] = RatingModel.from(rating);
        }
        return ids.map((id) => map.get(id)!);
      }),
      kudosByRequestId: new DataLoader(async (ids) => {
        const map = new Map<string, KudosModel[]>(ids.map((id) => [id, []]));
        for (const kudos of await this.kudos.findByRequestIds(ids)) {
          map.get(kudos.requestId)!.push(KudosModel.from(kudos));
        }
        return ids.map((id) => map.get(id)!);
      }),
      requestById: new DataLoader(async (ids) => {
        const found = new Map((await this.kudos.requestsByIds(ids)).map((r) => [r.id, r]));
        return ids.map((id) => found.get(id) ?? null);
      }),
    };
  }
}
