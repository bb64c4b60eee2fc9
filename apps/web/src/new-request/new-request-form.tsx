import { FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { FormattedMessage, IntlShape, useIntl } from 'react-intl';
import { useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { refusalOf } from '../api/errors';
import { useSignedInUser } from '../auth/session';
import { graphql } from '../gql';
import type { Priority } from '../gql/graphql';
import { CatalogueFields, CatalogueSupplier } from './catalogue-fields';
import { DetailsFields } from './details-fields';
import { useDropUnsentOnLeave, usePendingUploads } from '../request/pending-uploads';
import { IdempotencyKeys } from './idempotency-key';
import { NewRequestFiles } from './new-request-files';
import { refusalMessage, refusedFields } from './refusal-message';
import { SlaPreview } from './sla-preview';
import {
  DESCRIPTION_MAX,
  FIELD_ORDER,
  FieldName,
  Problem,
  TITLE_MAX,
  validateRequest,
} from './validate-request';

const CatalogueQuery = graphql(`
  query NewRequestCatalogue {
    departments {
      id
      code
      name
      services {
        id
        name
        description
        defaultPriority
      }
    }
  }
`);

const CreateRequestMutation = graphql(`
  mutation NewRequestCreate($input: CreateRequestInput!) {
    createRequest(input: $input) {
      id
      number
    }
  }
`);

type Errors = Partial<Record<FieldName, string>>;

// What a problem found by validateRequest is called next to its field.
function problemMessage(intl: IntlShape, field: FieldName, problem: Problem): string {
  switch (`${field}.${problem}`) {
    case 'supplier.required':
      return intl.formatMessage({
        id: 'newRequest.error.supplierRequired',
        defaultMessage: 'Choose the department that should help.',
      });
    case 'service.required':
      return intl.formatMessage({
        id: 'newRequest.error.serviceRequired',
        defaultMessage: 'Choose one of the services this department offers.',
      });
    case 'title.required':
      return intl.formatMessage({
        id: 'newRequest.error.titleRequired',
        defaultMessage: 'Give the request a title.',
      });
    case 'title.tooLong':
      return intl.formatMessage(
        {
          id: 'newRequest.error.titleTooLong',
          defaultMessage: 'Keep the title to {max, number} characters or fewer.',
        },
        { max: TITLE_MAX },
      );
    default:
      return intl.formatMessage(
        {
          id: 'newRequest.error.descriptionTooLong',
          defaultMessage: 'Keep the description to {max, number} characters or fewer.',
        },
        { max: DESCRIPTION_MAX },
      );
  }
}

export function NewRequestForm() {
  const intl = useIntl();
  const user = useSignedInUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [catalogue] = useQuery({ query: CatalogueQuery });
  const [creation, create] = useMutation(CreateRequestMutation);
  const keys = useRef(new IdempotencyKeys()).current;
  const formId = useId();
  const fieldRefs = useRef<Partial<Record<FieldName, HTMLElement | null>>>({});

  const [supplierId, setSupplierId] = useState('');
  const [serviceId, setServiceId] = useState('');
  const [priority, setPriority] = useState<Priority>('P3');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  // Set once filed: the form stays on screen while the request page loads.
  const [filed, setFiled] = useState<string | null>(null);
  const busy = creation.fetching || filed !== null;
  const uploads = usePendingUploads(null);
  // Leaving without filing drops the uploads (the cleanup job would, a day later).
  const keepUploads = useDropUnsentOnLeave(uploads.files);

  // The request page is where filing leads: fetch its code while the form is filled in.
  useEffect(() => {
    void import('../pages/request-page').catch(() => undefined);
  }, []);

  // Departments that offer services, by name in the reader's language; the caller's own
  // department is offered apart (a request to oneself is allowed, "Same department").
  const { own, others, all } = useMemo(() => {
    const departments = catalogue.data?.departments ?? [];
    const collator = new Intl.Collator(intl.locale);
    const ownDepartment = departments.find((d) => d.id === user.department?.id) ?? null;
    const offering = departments
      .filter((d) => d.services.length > 0 && d.id !== ownDepartment?.id)
      .sort((a, b) => collator.compare(a.name, b.name))
      .map((d) => ({
        ...d,
        services: [...d.services].sort((a, b) => collator.compare(a.name, b.name)),
      }));
    return {
      own: ownDepartment as CatalogueSupplier | null,
      others: offering as CatalogueSupplier[],
      all: [...(ownDepartment ? [ownDepartment] : []), ...offering] as CatalogueSupplier[],
    };
  }, [catalogue.data, intl.locale, user.department?.id]);

  const supplier = all.find((d) => d.id === supplierId) ?? null;
  const service = supplier?.services.find((s) => s.id === serviceId) ?? null;

  const chooseSupplier = (id: string, fromUrl = false) => {
    const next = all.find((d) => d.id === id) ?? null;
    setSupplierId(next?.id ?? '');
    // A supplier with one service has nothing to choose.
    const only = next?.services.length === 1 ? next.services[0] : null;
    setServiceId(only?.id ?? '');
    if (only) setPriority(only.defaultPriority);
    setErrors((e) => ({ ...e, supplier: undefined, service: undefined }));
    if (!fromUrl) {
      const nextParams = new URLSearchParams(params);
      if (next) nextParams.set('supplier', next.code);
      else nextParams.delete('supplier');
      setParams(nextParams, { replace: true });
    }
  };

  const chooseService = (id: string) => {
    const next = supplier?.services.find((s) => s.id === id) ?? null;
    setServiceId(next?.id ?? '');
    if (next) setPriority(next.defaultPriority);
    setErrors((e) => ({ ...e, service: undefined }));
  };

  // ?supplier=IT (from a link elsewhere in the app) picks the supplier once the catalogue is in.
  const wanted = params.get('supplier');
  useEffect(() => {
    if (!wanted || supplierId || all.length === 0) return;
    const match = all.find((d) => d.code.toUpperCase() === wanted.toUpperCase());
    if (match) chooseSupplier(match.id, true);
    // Only when the catalogue arrives or the parameter changes.
  }, [wanted, all]);

  const validate = (): Errors => {
    const problems = validateRequest({ supplier, service, title, description });
    const found: Errors = {};
    for (const field of FIELD_ORDER) {
      const problem = problems[field];
      if (problem) found[field] = problemMessage(intl, field, problem);
    }
    return found;
  };

  const focusFirst = (found: Errors) => {
    const first = FIELD_ORDER.find((f) => found[f]);
    if (first) fieldRefs.current[first]?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setFormError(null);
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0 || !supplier) {
      // Focus moves to the first field to fix; its message is read with it.
      setTimeout(() => focusFirst(found), 0);
      return;
    }
    if (uploads.uploading) {
      setFormError(
        intl.formatMessage({
          id: 'newRequest.error.uploading',
          defaultMessage: 'Wait until the files have uploaded, or remove them.',
        }),
      );
      return;
    }
    const payload = {
      supplierId: supplier.id,
      serviceId: service?.id ?? null,
      priority,
      title: title.trim(),
      description: description.trim() || null,
      ...(uploads.readyIds.length > 0 ? { attachmentIds: uploads.readyIds } : {}),
    };
    const result = await create({ input: { ...payload, idempotencyKey: keys.for(payload) } });
    const created = result.data?.createRequest;
    if (created) {
      keepUploads();
      setFiled(created.number);
      navigate(`/requests/${encodeURIComponent(created.number)}`, {
        state: { filed: true },
      });
      return;
    }
    const refusal = refusalOf(result.error);
    if (!refusal) return;
    const message =
      !refusal.reason && refusedFields(refusal).includes('attachmentIds')
        ? intl.formatMessage({
            id: 'newRequest.error.attachmentsGone',
            defaultMessage:
              'One of the files is no longer there (removed, or kept too long unsent). Remove it, attach it again and file the request.',
          })
        : refusalMessage(intl, refusal);
    const named = refusedFields(refusal)
      .map((f) => f.replace(/Id$/, ''))
      .filter((f): f is FieldName => FIELD_ORDER.includes(f as FieldName));
    if (refusal.code === 'BAD_USER_INPUT' && named.length > 0) {
      setErrors(Object.fromEntries(named.map((f) => [f, message])));
      setTimeout(() => focusFirst(Object.fromEntries(named.map((f) => [f, message]))), 0);
    }
    setFormError(message);
  };

  if (!user.department) {
    return (
      <p className="notice">
        <FormattedMessage
          id="newRequest.noDepartment"
          defaultMessage="You belong to no department, so you cannot file requests. Ask an administrator to add you to one."
        />
      </p>
    );
  }
  if (catalogue.error) {
    return (
      <p className="error" role="alert">
        {refusalMessage(intl, refusalOf(catalogue.error)!)}
      </p>
    );
  }

  return (
    <form
      id={formId}
      className={`new-request-form drop-target${uploads.dragging ? ' dragging' : ''}`}
      noValidate
      onSubmit={submit}
      onPaste={uploads.onPaste}
      {...uploads.dropTarget}
    >
      <CatalogueFields
        own={own}
        others={others}
        supplier={supplier}
        service={service}
        priority={priority}
        errors={errors}
        onSupplier={(id) => chooseSupplier(id)}
        onService={chooseService}
        onPriority={setPriority}
        refs={fieldRefs.current}
      />

      <DetailsFields
        title={title}
        description={description}
        errors={errors}
        refs={fieldRefs.current}
        onTitle={(value) => {
          setTitle(value);
          if (errors.title) setErrors((x) => ({ ...x, title: undefined }));
        }}
        onDescription={(value) => {
          setDescription(value);
          if (errors.description) setErrors((x) => ({ ...x, description: undefined }));
        }}
        files={<NewRequestFiles uploads={uploads} />}
      />

      <SlaPreview
        supplier={supplier}
        customerName={user.department.name}
        serviceId={service?.id ?? null}
        priority={priority}
      />

      {formError && (
        <p className="error" role="alert">
          {formError}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={busy}>
          <FormattedMessage id="newRequest.submit" defaultMessage="File request" />
        </button>
        <span className="muted" role="status">
          {filed ? (
            <FormattedMessage
              id="newRequest.filed"
              defaultMessage="Filed as {number}; opening it…"
              values={{ number: filed }}
            />
          ) : (
            creation.fetching && (
              <FormattedMessage id="newRequest.filing" defaultMessage="Filing…" />
            )
          )}
        </span>
      </div>
    </form>
  );
}
